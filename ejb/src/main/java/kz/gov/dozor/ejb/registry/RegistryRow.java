package kz.gov.dozor.ejb.registry;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the registry of restricted resources, as both organisations read it: who entered the
 * block and who lifted it, by login and by name.
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
    String liftedByName,
    String blockedBy,
    String blockedByName,
    boolean urgent,
    long entryVersion)
    implements Serializable {

  /** The same entry with the people named as people read them. */
  public RegistryRow named(String blockedByName, String liftedByName) {
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
        liftedByName,
        blockedBy,
        blockedByName,
        urgent,
        entryVersion);
  }
}
