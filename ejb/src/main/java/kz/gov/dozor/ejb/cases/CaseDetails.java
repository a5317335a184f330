package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.cases.ProhibitedBy;
import kz.gov.dozor.persistence.cases.Referral;
import kz.gov.dozor.persistence.cases.ReferralOutcome;

/** Everything the case page shows. */
public record CaseDetails(
    long id,
    long version,
    String registrationNumber,
    String organisation,
    CaseStatus status,
    CategoryView category,
    String description,
    Instant detectedAt,
    Instant registeredAt,
    String registeredBy,
    String registeredByName,
    Boolean crimeSigns,
    ProhibitedBy prohibitedBy,
    String legalReference,
    String dismissalReason,
    Instant statusChangedAt,
    Instant closedAt,
    boolean sealed,
    ReferralView referral,
    CaseActions actions,
    List<ResourceView> resources,
    List<EvidenceView> evidence,
    List<EventView> history)
    implements Serializable {

  /** The referral of the case to a competent body, with its outcome once known. */
  public record ReferralView(
      RecipientBodyView body,
      String letterNumber,
      LocalDate letterDate,
      String sentBy,
      Instant recordedAt,
      ReferralOutcome outcome,
      BigDecimal penaltyMrp,
      String outcomeComment,
      String outcomeBy,
      Instant outcomeAt)
      implements Serializable {

    static ReferralView of(Referral r) {
      return r == null
          ? null
          : new ReferralView(
              RecipientBodyView.of(r.getBody()),
              r.getLetterNumber(),
              r.getLetterDate(),
              r.getSentBy(),
              r.getRecordedAt(),
              r.getOutcome(),
              r.getPenaltyMrp(),
              r.getOutcomeComment(),
              r.getOutcomeBy(),
              r.getOutcomeAt());
    }
  }

  /** A resource of the case. */
  /**
   * A resource of the case and its restriction, if any: {@code restricted} true while blocked,
   * false once lifted (with when and why), null when never blocked.
   */
  public record ResourceView(
      long id,
      int position,
      String urlOriginal,
      String urlNormalized,
      Platform platform,
      Boolean restricted,
      Instant liftedAt,
      String liftReason)
      implements Serializable {}

  /** An evidence file of the case; {@code previewable} is false for restricted categories. */
  public record EvidenceView(
      long id,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      Integer width,
      Integer height,
      String capturedBy,
      Instant capturedAt,
      boolean previewable)
      implements Serializable {

    public boolean isImage() {
      return mediaType.startsWith("image/");
    }
  }

  /** One entry of the case's history. */
  public record EventView(
      Instant occurredAt,
      String actor,
      String actorName,
      CaseEvent.Type type,
      CaseStatus fromStatus,
      CaseStatus toStatus,
      String detail,
      Duration inState)
      implements Serializable {}
}
