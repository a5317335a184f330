package kz.gov.dozor.ejb.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.deadlines.Deadlines.Step;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * Deadlines and holidays are data, not code: rules change with new bylaws, so administrators change
 * them here, and every change is audited.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ReferenceDataService {

  public static final int MAX_DAYS = 60;

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;

  public List<DeadlineRuleView> deadlineRules() {
    List<DeadlineRuleView> out = new ArrayList<>();
    for (Object row :
        em.createNativeQuery("select step, days, working_days from deadline_rule order by step")
            .getResultList()) {
      Object[] r = (Object[]) row;
      out.add(new DeadlineRuleView((String) r[0], ((Number) r[1]).intValue(), (Boolean) r[2]));
    }
    return out;
  }

  public void changeDeadline(String step, Integer days, boolean workingDays) {
    List<Problem> problems = new ArrayList<>();
    Step known = null;
    try {
      known = Step.valueOf(step);
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new Problem("step", "deadline.step.unknown"));
    }
    if (days == null || days < 1 || days > MAX_DAYS) {
      problems.add(new Problem("days:" + step, "deadline.days.range", MAX_DAYS));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    em.createNativeQuery("update deadline_rule set days = ?1, working_days = ?2 where step = ?3")
        .setParameter(1, days)
        .setParameter(2, workingDays)
        .setParameter(3, known.name())
        .executeUpdate();
    audit.record(
        AuditAction.REFERENCE_DATA_CHANGED,
        "deadline",
        known.name(),
        days + (workingDays ? " working" : " calendar") + " days",
        null);
  }

  public List<HolidayView> holidays(int year) {
    List<HolidayView> out = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select day, name from holiday where extract(year from day) = ?1 order by day")
            .setParameter(1, year)
            .getResultList()) {
      Object[] r = (Object[]) row;
      LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
      out.add(new HolidayView(day, (String) r[1]));
    }
    return out;
  }

  public void addHoliday(LocalDate day, String name) {
    List<Problem> problems = new ArrayList<>();
    if (day == null) {
      problems.add(new Problem("holidayDay", "holiday.day.required"));
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      problems.add(new Problem("holidayName", "holiday.name.required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    em.createNativeQuery(
            "insert into holiday (day, name) values (?1, ?2) on conflict (day) do update set name = excluded.name")
        .setParameter(1, day)
        .setParameter(2, name.strip())
        .executeUpdate();
    audit.record(
        AuditAction.REFERENCE_DATA_CHANGED, "holiday", day, "added: " + name.strip(), null);
  }

  public void removeHoliday(LocalDate day) {
    int removed =
        em.createNativeQuery("delete from holiday where day = ?1")
            .setParameter(1, day)
            .executeUpdate();
    if (removed > 0) {
      audit.record(AuditAction.REFERENCE_DATA_CHANGED, "holiday", day, "removed", null);
    }
  }
}
