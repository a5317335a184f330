package kz.gov.dozor.ejb.notices;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.ejb.reference.OverdueWork;
import kz.gov.dozor.persistence.notices.BlockNotice;

/** Notifications past their deadline: the people responsible are told once per deadline. */
@Dependent
public class OverdueNotices implements OverdueWork {

  @PersistenceContext private EntityManager em;
  @Inject private NoticeResponsibles responsibles;

  @Override
  public int tellOverdue(Instant now) {
    List<BlockNotice> overdue =
        em.createQuery(
                "select n from BlockNotice n where n.dueAt < :now and n.overdueNotified = false",
                BlockNotice.class)
            .setParameter("now", now)
            .setMaxResults(500)
            .getResultList();
    for (BlockNotice n : overdue) {
      responsibles.tell(n, "inbox.overdue");
      n.overdueNotified();
    }
    return overdue.size();
  }
}
