package kz.gov.dozor.ejb.audit;

import java.io.Serializable;
import java.time.Instant;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * One audit entry as the administrators' page lists it: who (with their full name from the
 * directory), the actor's organisation, the owner of the data it is about, what the subject is
 * called (a case's or notification's number) and, for refused requests, the address asked for.
 */
public record AuditRow(
    long seq,
    Instant occurredAt,
    String actor,
    String actorName,
    AuditAction action,
    String subjectType,
    String subjectId,
    String subjectLabel,
    String detail,
    String clientAddress,
    String hash,
    String organisation,
    String ownerOrganisation,
    String requestedUrl)
    implements Serializable {}
