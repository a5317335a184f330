package kz.gov.dozor.ejb.audit;

import java.io.Serializable;
import java.time.Instant;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * One audit entry as the administrators' page lists it: the actor's organisation, the owner of the
 * data it is about and, for refused requests, the address asked for.
 */
public record AuditRow(
    long seq,
    Instant occurredAt,
    String actor,
    AuditAction action,
    String subjectType,
    String subjectId,
    String detail,
    String clientAddress,
    String hash,
    String organisation,
    String ownerOrganisation,
    String requestedUrl)
    implements Serializable {

  /** The entry as it was before it named an owner and an address (kept for callers). */
  public AuditRow(
      long seq,
      Instant occurredAt,
      String actor,
      AuditAction action,
      String subjectType,
      String subjectId,
      String detail,
      String clientAddress,
      String hash) {
    this(
        seq,
        occurredAt,
        actor,
        action,
        subjectType,
        subjectId,
        detail,
        clientAddress,
        hash,
        null,
        null,
        null);
  }
}
