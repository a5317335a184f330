package kz.gov.dozor.ejb.evidence;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/** Removes uploads of forms that were never submitted, so staging does not grow forever. */
@Singleton
public class StagingHousekeeping {

  /** Longer than any form stays open. */
  static final Duration STALE_AFTER = Duration.ofHours(24);

  private static final Logger LOG = Logger.getLogger(StagingHousekeeping.class.getName());

  @Inject private EvidenceStore store;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void purge() {
    int removed = store.purgeStaging(STALE_AFTER);
    if (removed > 0) {
      LOG.info(() -> "removed " + removed + " stale staged evidence files");
    }
  }
}
