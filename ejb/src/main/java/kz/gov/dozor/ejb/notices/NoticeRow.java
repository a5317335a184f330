package kz.gov.dozor.ejb.notices;

import java.io.Serializable;
import java.time.Instant;
import kz.gov.dozor.persistence.notices.NoticeStatus;

/** One line of a notification list or queue. */
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
    Instant dueAt)
    implements Serializable {

  /** Past its deadline, and still waiting for someone. */
  public boolean isOverdue() {
    return dueAt != null && dueAt.isBefore(Instant.now());
  }
}
