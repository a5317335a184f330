package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import kz.gov.dozor.persistence.cases.CaseStatus;

/**
 * A URL of a new case that is already known, by its normalised form: the organisation's cases that
 * hold it and the registry entries that restrict (or restricted) it.
 */
public record KnownUrl(
    String url, String normalized, List<KnownCase> cases, List<KnownBlock> registry)
    implements Serializable {

  /** A case of the caller's organisation with a resource of this URL. */
  public record KnownCase(long id, String registrationNumber, CaseStatus status)
      implements Serializable {}

  /**
   * A registry entry of this URL; {@code noticeId} is set when the notification is the caller's
   * organisation's (only then can the caller open it).
   */
  public record KnownBlock(
      long id, Long noticeId, String decisionNumber, LocalDate decisionDate, boolean active)
      implements Serializable {}
}
