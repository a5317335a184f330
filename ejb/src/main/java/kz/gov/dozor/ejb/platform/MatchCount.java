package kz.gov.dozor.ejb.platform;

import jakarta.persistence.Query;
import java.io.Serializable;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * How many rows match a filter, counted only up to a cap and for a bounded time, so that a list's
 * count stays fast on millions of rows: past either bound the page says "more than" what it
 * counted, as large search engines do, instead of making everyone wait for an exact number.
 *
 * @param count the exact number when {@code more} is false, else how many were counted
 * @param more whether more than {@code count} match
 */
public record MatchCount(long count, boolean more) implements Serializable {

  /** How long a count may read: a broad filter over millions of rows is cut off here. */
  public static final long BUDGET_NANOS = 80_000_000L;

  /** Rows fetched from the database at a time while counting. */
  private static final int FETCH = 2_000;

  /**
   * Counts the rows of {@code rows} (a query selecting one narrow column of the matches), up to
   * {@code cap} and for at most {@link #BUDGET_NANOS}. The rows are read through a cursor, so the
   * database stops where the count stops.
   */
  public static MatchCount of(Query rows, int cap) {
    rows.setMaxResults(cap + 1).setHint("org.hibernate.fetchSize", FETCH);
    long deadline = System.nanoTime() + BUDGET_NANOS;
    long n = 0;
    try (Stream<?> stream = rows.getResultStream()) {
      Iterator<?> it = stream.iterator();
      while (it.hasNext()) {
        it.next();
        n++;
        if (n > cap) {
          return new MatchCount(cap, true);
        }
        if (n % FETCH == 0 && System.nanoTime() > deadline) {
          return new MatchCount(n, it.hasNext());
        }
      }
    }
    return new MatchCount(n, false);
  }
}
