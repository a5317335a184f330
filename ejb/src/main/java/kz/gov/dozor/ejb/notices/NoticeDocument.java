package kz.gov.dozor.ejb.notices;

/** A document of a notification to hand out: its file name, type and bytes. */
public record NoticeDocument(String fileName, String mediaType, byte[] content) {

  public NoticeDocument {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
