package kz.gov.dozor.ejb.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.deadlines.Deadlines.Step;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * Deadlines and holidays are data, not code: rules change with new bylaws, so administrators change
 * them here, and every change is audited.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ReferenceDataService {

  public static final int MAX_DAYS = 60;

  /** The owner of a step: an agency's or the ministry's. */
  public static final String AGENCY = "agency";

  public static final String MINISTRY = "ministry";

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;
  @Inject private UserDirectory users;

  /** The rules in the order of the procedure: sign-off, the ministry's decision, the answer. */
  public List<DeadlineRuleView> deadlineRules() {
    String organisation = users.currentCaller().organisation();
    Map<String, Object[]> byStep = new HashMap<>();
    for (Object row :
        em.createNativeQuery("select step, days, working_days from deadline_rule")
            .getResultList()) {
      Object[] r = (Object[]) row;
      byStep.put((String) r[0], r);
    }
    List<DeadlineRuleView> out = new ArrayList<>();
    for (Step step : Step.values()) {
      Object[] r = byStep.get(step.name());
      if (r != null) {
        out.add(
            new DeadlineRuleView(
                step.name(),
                ((Number) r[1]).intValue(),
                (Boolean) r[2],
                ownerOf(step),
                owns(organisation, step)));
      }
    }
    return out;
  }

  /** Whose step it is: the agency signs off and answers, the ministry decides. */
  public static String ownerOf(Step step) {
    return step == Step.MINISTRY_DECISION ? MINISTRY : AGENCY;
  }

  static boolean owns(String organisation, Step step) {
    return MINISTRY.equals(ownerOf(step))
        ? Organisations.MCI.equals(organisation)
        : Organisations.isAgency(organisation);
  }

  /**
   * Changes the deadline of a step of the caller's own organisation. The change is recorded in the
   * owner's audit log, and both organisations see it among the deadline changes.
   */
  public void changeDeadline(String step, Integer days, boolean workingDays) {
    List<Problem> problems = new ArrayList<>();
    Step known = null;
    try {
      known = Step.valueOf(step);
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new Problem("step", "deadline.step.unknown"));
    }
    if (known != null && !owns(users.currentCaller().organisation(), known)) {
      audit.recordDenied("deadline", known.name(), "deadline of another organisation's step", null);
      throw new AccessDeniedException("deadline.notYours");
    }
    if (days == null || days < 1 || days > MAX_DAYS) {
      problems.add(new Problem("days:" + step, "deadline.days.range", MAX_DAYS));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Object[] before =
        (Object[])
            em.createNativeQuery(
                    "select days, working_days from deadline_rule where step = ?1 for update")
                .setParameter(1, known.name())
                .getSingleResult();
    em.createNativeQuery("update deadline_rule set days = ?1, working_days = ?2 where step = ?3")
        .setParameter(1, days)
        .setParameter(2, workingDays)
        .setParameter(3, known.name())
        .executeUpdate();
    audit.record(
        AuditAction.REFERENCE_DATA_CHANGED,
        "deadline",
        known.name(),
        describe(((Number) before[0]).intValue(), (Boolean) before[1])
            + " -> "
            + describe(days, workingDays),
        null);
  }

  private static String describe(int days, boolean workingDays) {
    return days + (workingDays ? " working" : " calendar") + " days";
  }

  /** The latest changes of deadlines, by either organisation, newest first. */
  public List<DeadlineChangeView> deadlineChanges(int max) {
    List<DeadlineChangeView> out = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select occurred_at, subject_id, detail, actor, organisation from audit_entry"
                    + " where action = 'REFERENCE_DATA_CHANGED' and subject_type = 'deadline'"
                    + " order by seq desc limit ?1")
            .setParameter(1, Math.max(1, Math.min(max, 100)))
            .getResultList()) {
      Object[] r = (Object[]) row;
      Instant at =
          r[0] instanceof java.sql.Timestamp t
              ? t.toInstant()
              : r[0] instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) r[0];
      out.add(
          DeadlineChangeView.of(
              at, (String) r[1], (String) r[2], users.displayName((String) r[3]), (String) r[4]));
    }
    return out;
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
