package kz.gov.dozor.ejb.deadlines;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import kz.gov.dozor.ejb.notices.NoticeResponsibles;
import kz.gov.dozor.persistence.notices.BlockNotice;

/** Marks notifications past their deadline and tells the people responsible, once each. */
@Stateless
@PermitAll
public class DeadlineWatch {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private NoticeResponsibles responsibles;

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void scheduled() {
    checkOverdue();
  }

  /** Notifies about every notification that became overdue since the last check. */
  public int checkOverdue() {
    List<BlockNotice> overdue =
        em.createQuery(
                "select n from BlockNotice n where n.dueAt < :now and n.overdueNotified = false",
                BlockNotice.class)
            .setParameter("now", clock.instant())
            .setMaxResults(500)
            .getResultList();
    for (BlockNotice n : overdue) {
      responsibles.tell(n, "inbox.overdue");
      n.overdueNotified();
    }
    return overdue.size();
  }
}
