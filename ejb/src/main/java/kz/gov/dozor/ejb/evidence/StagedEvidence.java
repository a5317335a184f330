package kz.gov.dozor.ejb.evidence;

import java.io.Serializable;
import java.util.UUID;

/**
 * A file received and checked but not yet kept: it waits in the staging area until its case is
 * registered (then it moves into the store) or is discarded.
 */
public record StagedEvidence(
    UUID token,
    String fileName,
    long sizeBytes,
    String sha256,
    String mediaType,
    Integer width,
    Integer height)
    implements Serializable {

  public boolean isImage() {
    return mediaType.startsWith("image/");
  }
}
