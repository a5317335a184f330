package kz.gov.dozor.ejb.reference;

import java.time.Instant;

/**
 * Work that has a deadline, as the feature that owns it knows it: the deadline watch asks each
 * implementation to tell the people responsible about what has become overdue, without knowing what
 * the work is (so this feature never imports those that use its deadlines).
 */
public interface OverdueWork {

  /**
   * Tells the people responsible about every item past its deadline at {@code now} that they have
   * not been told about yet, and remembers that they were told; returns how many there were.
   */
  int tellOverdue(Instant now);
}
