package kz.gov.dozor.ejb.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry as the registry's exports carry it. {@code hash} is the SHA-256 of its content
 * (registry-v1.xsd says which fields, in which order); {@code liftedAt} is set on removed ones.
 */
public record ExportEntry(
    long id,
    String url,
    String urlNormalized,
    String host,
    String blockType,
    String decisionNumber,
    LocalDate decisionDate,
    String issuingBody,
    long noticeId,
    String noticeNumber,
    Instant includedAt,
    boolean urgent,
    String hash,
    Change change,
    Instant liftedAt) {

  /** What a delta says of an entry: new to the provider, corrected, or lifted. */
  public enum Change {
    ADDED,
    CHANGED,
    REMOVED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
