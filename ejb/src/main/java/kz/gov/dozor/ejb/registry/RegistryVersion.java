package kz.gov.dozor.ejb.registry;

import java.time.Instant;

/** The registry's current version: it grows with every block, lift and correction. */
public record RegistryVersion(long version, Instant changedAt) {}
