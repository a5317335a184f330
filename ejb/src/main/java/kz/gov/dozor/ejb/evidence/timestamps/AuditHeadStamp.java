package kz.gov.dozor.ejb.evidence.timestamps;

import java.io.Serializable;
import java.time.Instant;

/** The latest trusted timestamp of the audit chain's head: which entry, its hash, when, by whom. */
public record AuditHeadStamp(long seq, String sha256, Instant stampedAt, String authority)
    implements Serializable {}
