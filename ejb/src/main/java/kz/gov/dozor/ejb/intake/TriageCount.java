package kz.gov.dozor.ejb.intake;

import java.io.Serializable;

/**
 * How many items match, counted only up to a cap so that a count stays fast on millions of rows.
 *
 * @param count the exact number when {@code more} is false, else the cap
 * @param more whether more than {@code count} match
 */
public record TriageCount(long count, boolean more) implements Serializable {}
