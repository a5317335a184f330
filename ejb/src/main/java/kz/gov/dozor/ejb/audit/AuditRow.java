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
    implements Serializable {}
