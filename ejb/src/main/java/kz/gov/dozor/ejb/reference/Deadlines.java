package kz.gov.dozor.ejb.reference;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.persistence.reference.DeadlineRule;
import kz.gov.dozor.persistence.reference.DeadlineStep;

/** Due dates of the steps of the procedure, from the rules and holidays administrators keep. */
@Stateless
@PermitAll
public class Deadlines {

  @PersistenceContext private EntityManager em;

  /** The length of an hours' step (a provider's), as the administrators set it. */
  public java.time.Duration hoursOf(DeadlineStep step) {
    DeadlineRule rule = em.find(DeadlineRule.class, step);
    if (rule == null || !rule.isHours()) {
      throw new IllegalStateException("no deadline in hours for " + step);
    }
    return java.time.Duration.ofHours(rule.getDays());
  }

  public Instant dueFor(DeadlineStep step, Instant from) {
    DeadlineRule rule = em.find(DeadlineRule.class, step);
    if (rule == null) {
      throw new IllegalStateException("no deadline rule for " + step);
    }
    if (rule.isHours()) {
      return from.plus(java.time.Duration.ofHours(rule.getDays()));
    }
    LocalDate start = from.atZone(Almaty.ZONE).toLocalDate();
    Set<LocalDate> holidays =
        new HashSet<>(
            em.createQuery(
                    "select h.day from Holiday h where h.day between :from and :to",
                    LocalDate.class)
                .setParameter("from", start)
                // Far enough ahead for any run of weekends and holidays within the rule's days.
                .setParameter("to", start.plusDays(rule.getDays() * 3L + 30))
                .getResultList());
    return WorkingCalendar.plus(from, rule.getDays(), rule.isWorkingDays(), holidays);
  }
}
