package kz.gov.dozor.ejb.notices;

import java.time.Instant;
import java.util.List;

/**
 * What the official letter of a notification says, gathered at its sign-off: in {@code language}
 * (kk, ru or en), from {@code organisation} to the ministry.
 */
public record LetterContent(
    String language,
    String organisation,
    String outgoingNumber,
    Instant sentAt,
    String caseNumber,
    String category,
    String legalBasis,
    String justification,
    List<String> resources,
    List<Item> evidence,
    String signedBy,
    String preparedBy) {

  /** An attached evidence file: name, size, type, SHA-256 and when it was timestamped (or null). */
  public record Item(String name, long size, String mediaType, String sha256, Instant stampedAt) {}
}
