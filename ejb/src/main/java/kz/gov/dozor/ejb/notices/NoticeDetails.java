package kz.gov.dozor.ejb.notices;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.notices.NoticeStatus;
import kz.gov.dozor.persistence.notices.ResourceDecision;

/**
 * Everything the notification page shows to the agency or the ministry. The ministry's view ({@code
 * ministryView}) starts at the sending: no drafting, no internal sign-off rounds, no supervisor's
 * comments. The legal basis is {@code legalBasis} as cited, and {@code pickedBasis} when it was
 * picked from the list (null when typed freely). {@code resources} is the first page of the
 * notification's resources (at most {@link NoticeViews#FIRST_PAGE}); {@code resourceCount} counts
 * them all and {@code pendingCount} those still waiting for a decision. {@code documents}: the
 * official letter (in {@code letterLanguage}) and the package were made at the sign-off.
 */
public record NoticeDetails(
    long id,
    long version,
    long caseId,
    String caseNumber,
    String organisation,
    NoticeStatus status,
    int round,
    String legalBasis,
    LegalBasisView pickedBasis,
    String justification,
    String draftedBy,
    Instant draftedAt,
    String reviewedBy,
    String reviewComment,
    String outgoingNumber,
    Instant sentAt,
    Instant decidedAt,
    Instant dueAt,
    List<Item> resources,
    List<Attachment> evidence,
    List<Step> history,
    String draftedByName,
    String reviewedByName,
    boolean ministryView,
    long resourceCount,
    long pendingCount,
    String letterLanguage,
    boolean restrictedEvidence,
    boolean documents)
    implements Serializable {

  public boolean isOverdue() {
    return dueAt != null && dueAt.isBefore(Instant.now());
  }

  /** A resource of the notification with the ministry's decision and its registry entry. */
  public record Item(
      long id,
      String url,
      String urlNormalized,
      ResourceDecision decision,
      String decisionNumber,
      LocalDate decisionDate,
      String reason,
      String answer,
      String decidedBy,
      Long registryEntryId,
      Long registryVersion,
      boolean blockActive,
      String liftReason,
      Instant liftedAt,
      String liftedBy,
      String liftedByName)
      implements Serializable {}

  /** An evidence file attached to the notification. */
  public record Attachment(
      long id,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      boolean previewable)
      implements Serializable {

    public boolean isImage() {
      return mediaType.startsWith("image/");
    }
  }

  /** One step of the notification's history. */
  public record Step(
      int round,
      Instant occurredAt,
      String actor,
      String organisation,
      NoticeEvent.Type type,
      String detail,
      String actorName)
      implements Serializable {}
}
