package kz.gov.dozor.ejb.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * The outcome of checking the audit chain.
 *
 * @param brokenAt the first entry (by position) where the chain breaks; null when intact
 * @param problem what is wrong there: changed, missing, out of order
 */
public record ChainVerification(
    Instant verifiedAt,
    String verifiedBy,
    boolean intact,
    long checked,
    Long brokenAt,
    String problem)
    implements Serializable {}
