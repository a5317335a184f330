package kz.gov.dozor.ejb.notices;

import java.io.Serializable;

/**
 * What one decision on many resources did: how many it decided, and how many of the selection it
 * skipped because they had been decided already; {@code noticeDone} when the notification moved on
 * (decided, or returned to the agency with its questions).
 */
public record BulkDecision(int decided, int skipped, boolean noticeDone) implements Serializable {}
