package kz.gov.dozor.ejb.users;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.platform.Settings;

/**
 * Runs the directory's sync every {@code DOZOR_DIRECTORY_SYNC_SECONDS} (five minutes by default) on
 * each node; the sync itself makes sure one node at a time does the work.
 */
@Singleton
@Startup
@PermitAll
public class DirectorySyncTimer {

  private static final Logger LOG = Logger.getLogger(DirectorySyncTimer.class.getName());

  static final long DEFAULT_SECONDS = 300;
  static final long MIN_SECONDS = 10;

  @Resource private TimerService timers;
  @Inject private DirectorySync sync;

  @PostConstruct
  void schedule() {
    long every = intervalSeconds();
    // The first sync soon after start, so that a fresh portal knows everyone.
    timers.createIntervalTimer(
        Math.min(every, 20) * 1000, every * 1000, new TimerConfig("directory sync", false));
  }

  static long intervalSeconds() {
    String value = Settings.get("dozor.directory.sync.seconds", "DOZOR_DIRECTORY_SYNC_SECONDS", "");
    try {
      return value.isBlank()
          ? DEFAULT_SECONDS
          : Math.max(MIN_SECONDS, Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      LOG.warning(() -> "DOZOR_DIRECTORY_SYNC_SECONDS is not a number: " + value);
      return DEFAULT_SECONDS;
    }
  }

  /** A failed sync (Keycloak away) is tried again at the next turn; it never stops the timer. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    try {
      sync.syncAll();
    } catch (DirectoryUnavailableException e) {
      LOG.info("directory sync skipped: Keycloak does not answer");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "directory sync failed", e);
    }
  }
}
