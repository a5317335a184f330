package kz.gov.dozor.ejb.registry;

import java.io.Serializable;
import java.time.Instant;

/** Where a provider stands: the last version it fetched and the last it confirmed applying. */
public record ProviderStatus(
    String code,
    String name,
    String clientId,
    boolean active,
    Long fetchedVersion,
    Instant fetchedAt,
    Long appliedVersion,
    Instant appliedAt)
    implements Serializable {}
