package kz.gov.dozor.ejb.notices;

import java.io.Serializable;
import java.time.Instant;
import kz.gov.dozor.persistence.notices.NoticeStatus;

/**
 * One line of a notification list or queue. People are named as they are shown to others: full name
 * when the portal knows it, else the login.
 */
public record NoticeRow(
    long id,
    String outgoingNumber,
    String caseNumber,
    NoticeStatus status,
    int round,
    long resources,
    String draftedBy,
    Instant submittedAt,
    Instant sentAt,
    Instant dueAt,
    long caseId,
    String draftedByName,
    Instant receivedAt,
    Instant decidedAt,
    String firstUrl)
    implements Serializable {

  /**
   * The row as the ministry may see it: nothing of the agency's internal work (who drafted it, when
   * it was last submitted for sign-off).
   */
  public NoticeRow forMinistry() {
    return new NoticeRow(
        id,
        outgoingNumber,
        caseNumber,
        status,
        round,
        resources,
        null,
        null,
        sentAt,
        dueAt,
        caseId,
        null,
        receivedAt,
        decidedAt,
        firstUrl);
  }

  /** The same row with its drafter named as people read it. */
  public NoticeRow withDraftedByName(String name) {
    return new NoticeRow(
        id,
        outgoingNumber,
        caseNumber,
        status,
        round,
        resources,
        draftedBy,
        submittedAt,
        sentAt,
        dueAt,
        caseId,
        name,
        receivedAt,
        decidedAt,
        firstUrl);
  }

  /** Past its deadline, and still waiting for someone. */
  public boolean isOverdue() {
    return dueAt != null && dueAt.isBefore(Instant.now());
  }
}
