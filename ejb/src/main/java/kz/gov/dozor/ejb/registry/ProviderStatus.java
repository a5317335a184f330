package kz.gov.dozor.ejb.registry;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a provider stands: the last version it fetched and the last it confirmed applying; the
 * registry's current version; since when changes (and urgent ones) wait for it, by when it must
 * apply them, and whether it is past that.
 */
public record ProviderStatus(
    String code,
    String name,
    String clientId,
    boolean active,
    Long fetchedVersion,
    Instant fetchedAt,
    Long appliedVersion,
    Instant appliedAt,
    long currentVersion,
    Instant pendingSince,
    Instant urgentPendingSince,
    Instant dueAt,
    boolean overdue)
    implements Serializable {

  /** Versions the provider has not confirmed. */
  public long behind() {
    return currentVersion - (appliedVersion == null ? 0 : appliedVersion);
  }

  /** Whether an urgent change waits for it. */
  public boolean urgentPending() {
    return urgentPendingSince != null;
  }

  /** Whether it has applied everything there is. */
  public boolean upToDate() {
    return pendingSince == null;
  }
}
