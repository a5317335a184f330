package kz.gov.dozor.ejb.reference;

import java.io.Serializable;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change of a deadline as the audit log keeps it: both organisations depend on every deadline, so
 * both organisations' administrators see it. The rule before the change is unknown (null) for
 * changes recorded before it was kept.
 */
public record DeadlineChangeView(
    Instant at,
    String step,
    Integer fromDays,
    Boolean fromWorkingDays,
    Integer toDays,
    Boolean toWorkingDays,
    String actor,
    String organisation)
    implements Serializable {

  private static final Pattern RULE = Pattern.compile("(\\d+) (working|calendar) days");

  /** Reads the audit entry's detail: "1 working days -> 3 working days" (or only the new rule). */
  static DeadlineChangeView of(
      Instant at, String step, String detail, String actor, String organisation) {
    Matcher m = RULE.matcher(detail == null ? "" : detail);
    Integer[] days = new Integer[2];
    Boolean[] working = new Boolean[2];
    int found = 0;
    while (m.find() && found < 2) {
      days[found] = Integer.valueOf(m.group(1));
      working[found] = "working".equals(m.group(2));
      found++;
    }
    if (found == 1) {
      return new DeadlineChangeView(at, step, null, null, days[0], working[0], actor, organisation);
    }
    return new DeadlineChangeView(
        at, step, days[0], working[0], days[1], working[1], actor, organisation);
  }
}
