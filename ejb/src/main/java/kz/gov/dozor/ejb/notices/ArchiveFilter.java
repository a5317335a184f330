package kz.gov.dozor.ejb.notices;

import java.io.Serializable;
import java.time.LocalDate;
import kz.gov.dozor.persistence.notices.NoticeStatus;

/**
 * What an officer looks for in the ministry's archive; every part may be null (any). Dates are
 * Almaty days, both ends included; texts are found anywhere in the outgoing number or a URL.
 */
public record ArchiveFilter(
    NoticeStatus status,
    LocalDate receivedFrom,
    LocalDate receivedTo,
    LocalDate decidedFrom,
    LocalDate decidedTo,
    String number,
    String urlText)
    implements Serializable {

  /** Everything the ministry ever received. */
  public static ArchiveFilter any() {
    return new ArchiveFilter(null, null, null, null, null, null, null);
  }
}
