package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import kz.gov.dozor.ejb.evidence.timestamps.EvidenceTimestamp;
import kz.gov.dozor.ejb.reference.CategoryView;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.ejb.reference.RecipientBodyView;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.cases.ProhibitedBy;
import kz.gov.dozor.persistence.cases.Referral;
import kz.gov.dozor.persistence.cases.ReferralOutcome;
import kz.gov.dozor.persistence.notices.NoticeEvent;

/**
 * Everything the case page shows. {@code resources} is the first page of the case's resources (at
 * most {@link CaseService#FIRST_PAGE}); {@code resourceCount} counts them all, and the page asks
 * {@link CaseService#resources} for the others. The legal basis is {@code legalReference} as cited,
 * and {@code pickedBasis} when it was picked from the list (null when typed freely).
 */
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
    LegalBasisView pickedBasis,
    String dismissalReason,
    Instant dismissedAt,
    Instant statusChangedAt,
    Instant closedAt,
    boolean sealed,
    ReferralView referral,
    CaseActions actions,
    List<ResourceView> resources,
    long resourceCount,
    List<EvidenceView> evidence,
    List<EventView> history)
    implements Serializable {

  /** The referral of the case to a competent body, with its outcome once known. */
  public record ReferralView(
      RecipientBodyView body,
      String letterNumber,
      LocalDate letterDate,
      String sentBy,
      String sentByName,
      Instant recordedAt,
      ReferralOutcome outcome,
      BigDecimal penaltyMrp,
      String outcomeComment,
      String outcomeBy,
      String outcomeByName,
      Instant outcomeAt)
      implements Serializable {

    static ReferralView of(Referral r, UnaryOperator<String> nameOf) {
      return r == null
          ? null
          : new ReferralView(
              RecipientBodyView.of(r.getBody()),
              r.getLetterNumber(),
              r.getLetterDate(),
              r.getSentBy(),
              nameOf.apply(r.getSentBy()),
              r.getRecordedAt(),
              r.getOutcome(),
              r.getPenaltyMrp(),
              r.getOutcomeComment(),
              r.getOutcomeBy(),
              r.getOutcomeBy() == null ? null : nameOf.apply(r.getOutcomeBy()),
              r.getOutcomeAt());
    }
  }

  /**
   * A resource of the case and the ministry's answer on it: the current {@code outcome} (null while
   * it was never put in a notification) and the steps that led there, oldest first.
   */
  public record ResourceView(
      long id,
      int position,
      String urlOriginal,
      String urlNormalized,
      Platform platform,
      ResourceOutcome outcome,
      List<OutcomeStep> steps)
      implements Serializable {

    /** True while blocked, false once lifted, null when never blocked. */
    public Boolean restricted() {
      return outcome == ResourceOutcome.BLOCKED
          ? Boolean.TRUE
          : outcome == ResourceOutcome.LIFTED ? Boolean.FALSE : null;
    }
  }

  /** Where a resource stands with the ministry. */
  public enum ResourceOutcome {
    /** In a notification the agency's supervisor has not signed off yet. */
    IN_REVIEW,
    /** Sent to the ministry, no decision yet. */
    AWAITING_DECISION,
    /** The ministry asked a question; the agency answers. */
    RETURNED,
    BLOCKED,
    REFUSED,
    LIFTED
  }

  /**
   * One step of a resource on its way to the ministry's answer: sent in a notification, returned
   * with a question, answered, blocked (decision number, date, issuing body), refused (reason),
   * lifted (reason). {@code text} is the reason, question, answer or lifting reason as typed.
   */
  public record OutcomeStep(
      Step step,
      Instant at,
      String actor,
      String actorName,
      Long noticeId,
      String noticeNumber,
      String decisionNumber,
      LocalDate decisionDate,
      String issuingBody,
      String text)
      implements Serializable {

    /** What happened to the resource. */
    public enum Step {
      SENT,
      RETURNED,
      ANSWERED,
      BLOCKED,
      REFUSED,
      LIFTED
    }
  }

  /** Whether a fixity check found one of the case's evidence files changed or missing. */
  public boolean evidenceDamaged() {
    return evidence.stream().anyMatch(EvidenceView::damaged);
  }

  /**
   * An evidence file of the case; {@code previewable} is false for restricted categories; {@code
   * timestamp} where its trusted timestamp stands; {@code damaged} when a fixity check found its
   * file changed or missing.
   */
  public record EvidenceView(
      long id,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      Integer width,
      Integer height,
      String capturedBy,
      String capturedByName,
      Instant capturedAt,
      boolean previewable,
      EvidenceTimestamp timestamp,
      boolean damaged)
      implements Serializable {

    /** Still waiting for its trusted timestamp (also when none was asked for yet). */
    public boolean timestampWaiting() {
      return timestamp == null || timestamp.waiting();
    }

    public boolean isImage() {
      return mediaType.startsWith("image/");
    }
  }

  /**
   * One entry of the case's history: a change of the case itself ({@code type}) or a hand-over of
   * one of its notifications ({@code noticeType}). The facts are kept apart (body, letter, date,
   * outcome, amount, notification, URL, decision) so the page shows them in the reader's language;
   * {@code detail} is only text a person typed (comment, reason, question, answer).
   */
  public record EventView(
      Instant occurredAt,
      String actor,
      String actorName,
      CaseEvent.Type type,
      NoticeEvent.Type noticeType,
      CaseStatus fromStatus,
      CaseStatus toStatus,
      String detail,
      Long noticeId,
      String noticeNumber,
      String url,
      RecipientBodyView body,
      String letterNumber,
      LocalDate date,
      ReferralOutcome outcome,
      BigDecimal amount,
      String decisionNumber,
      String issuingBody,
      Duration inState)
      implements Serializable {

    /** The bundle key of what happened. */
    public String label() {
      return type != null ? "event." + type : "noticeEvent." + noticeType;
    }
  }
}
