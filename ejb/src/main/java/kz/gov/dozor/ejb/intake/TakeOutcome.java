package kz.gov.dozor.ejb.intake;

import java.io.Serializable;
import java.time.Instant;

/**
 * What taking items did.
 *
 * @param taken items the caller holds now (also those they held already)
 * @param heldByOthers pending items someone else holds, left to them
 * @param until when the caller's hold ends unless renewed
 */
public record TakeOutcome(int taken, int heldByOthers, Instant until) implements Serializable {}
