package kz.gov.dozor.ejb.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' rows, which come as the driver and the dialect like. */
public final class NativeValues {

  private NativeValues() {}

  /** A timestamp column as an instant; null for SQL null. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("not a time: " + value.getClass());
  }
}
