package kz.gov.dozor.ejb.evidence.timestamps;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where the timestamp of one content stands: {@code stampedAt} (and the authority) once it has one;
 * otherwise how often it was asked, why it failed and when it is asked next.
 */
public record EvidenceTimestamp(
    String sha256,
    Instant stampedAt,
    String authority,
    int attempts,
    String lastError,
    Instant nextAttemptAt)
    implements Serializable {

  public boolean waiting() {
    return stampedAt == null;
  }
}
