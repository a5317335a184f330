package kz.gov.dozor.ejb.reference;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;

/** Tells the people responsible once a deadline has passed, once per item. */
@Stateless
@PermitAll
public class DeadlineWatch {

  @Inject private Clock clock;
  @Inject private Instance<OverdueWork> work;

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void scheduled() {
    checkOverdue();
  }

  /** Tells about every item that became overdue since the last check; returns how many. */
  public int checkOverdue() {
    int told = 0;
    for (OverdueWork w : work) {
      told += w.tellOverdue(clock.instant());
    }
    return told;
  }
}
