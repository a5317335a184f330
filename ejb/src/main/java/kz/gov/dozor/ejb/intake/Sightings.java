package kz.gov.dozor.ejb.intake;

import java.io.Serializable;
import java.time.Instant;

/**
 * What monitoring said of a URL where it is now (a triage item, a case's resource, a registry
 * entry): "seen 37 times, last 2 hours ago, from 3 sources".
 *
 * @param seenCount how many reports
 * @param sourceCount from how many different source systems
 * @param firstSeenAt the earliest report's detection time, or null when none
 * @param lastSeenAt the latest report's detection time, or null when none
 */
public record Sightings(long seenCount, long sourceCount, Instant firstSeenAt, Instant lastSeenAt)
    implements Serializable {

  public static final Sightings NONE = new Sightings(0, 0, null, null);

  public boolean any() {
    return seenCount > 0;
  }
}
