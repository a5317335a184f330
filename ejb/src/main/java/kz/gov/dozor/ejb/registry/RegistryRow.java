package kz.gov.dozor.ejb.registry;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the registry of restricted resources, as providers and both organisations read it.
 */
public record RegistryRow(
    long id,
    String url,
    String urlNormalized,
    String decisionNumber,
    LocalDate decisionDate,
    String issuingBody,
    String noticeNumber,
    long noticeId,
    Instant blockedAt,
    boolean active,
    Instant liftedAt,
    String liftReason,
    String liftedBy,
    String liftedByName)
    implements Serializable {}
