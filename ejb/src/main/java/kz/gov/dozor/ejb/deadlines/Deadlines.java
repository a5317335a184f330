package kz.gov.dozor.ejb.deadlines;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.gov.dozor.ejb.platform.Almaty;

/** Due dates of the steps of the procedure, from the rules and holidays administrators keep. */
@Stateless
@PermitAll
public class Deadlines {

  /** The steps that have a deadline. */
  public enum Step {
    SIGN_OFF,
    MINISTRY_DECISION,
    AGENCY_ANSWER
  }

  @PersistenceContext private EntityManager em;

  public Instant dueFor(Step step, Instant from) {
    Object[] rule =
        (Object[])
            em.createNativeQuery("select days, working_days from deadline_rule where step = ?1")
                .setParameter(1, step.name())
                .getSingleResult();
    int days = ((Number) rule[0]).intValue();
    boolean working = (Boolean) rule[1];
    LocalDate start = from.atZone(Almaty.ZONE).toLocalDate();
    @SuppressWarnings("unchecked")
    List<Object> days0 =
        em.createNativeQuery("select day from holiday where day between ?1 and ?2")
            .setParameter(1, start)
            .setParameter(2, start.plusDays(days * 3L + 30))
            .getResultList();
    Set<LocalDate> holidays = new HashSet<>();
    for (Object d : days0) {
      holidays.add(d instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) d);
    }
    return WorkingCalendar.plus(from, days, working, holidays);
  }
}
