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
    implements Serializable {

  /** The same entry with who lifted it named as people read it. */
  public RegistryRow withLiftedByName(String name) {
    return new RegistryRow(
        id,
        url,
        urlNormalized,
        decisionNumber,
        decisionDate,
        issuingBody,
        noticeNumber,
        noticeId,
        blockedAt,
        active,
        liftedAt,
        liftReason,
        liftedBy,
        name);
  }
}
