package kz.gov.dozor.ejb.reference;

import static kz.gov.dozor.ejb.platform.Checks.refuseIf;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.reference.DeadlineRule;
import kz.gov.dozor.persistence.reference.DeadlineStep;
import kz.gov.dozor.persistence.reference.Holiday;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;

/**
 * Deadlines and holidays are data, not code: rules change with new bylaws, so administrators change
 * them here. Each organisation changes the deadlines of its own steps; either keeps the holidays
 * both depend on. Every change is in the history and the audit log.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DeadlineService {

  public static final int MAX_DAYS = 60;
  public static final int MAX_HOURS = 168;
  public static final int MAX_HOLIDAY_NAME = 200;

  /** The owner of a step: an agency's or the ministry's. */
  public static final String AGENCY = "agency";

  public static final String MINISTRY = "ministry";

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;
  @Inject private UserDirectory users;
  @Inject private ReferenceChanges changes;

  /** Whose step it is: the agency signs off and answers, the ministry decides. */
  public static String ownerOf(DeadlineStep step) {
    return step.isMinistrys() ? MINISTRY : AGENCY;
  }

  static boolean owns(String organisation, DeadlineStep step) {
    return step.isMinistrys()
        ? Organisations.MCI.equals(organisation)
        : Organisations.isAgency(organisation);
  }

  /**
   * Changes the deadline of a step of the caller's own organisation, as the administrator saw it
   * ({@code version}). The change is in the owner's audit log and in the history both see.
   */
  public void changeDeadline(String step, long version, Integer days, boolean workingDays) {
    List<Problem> problems = new ArrayList<>();
    DeadlineStep known = null;
    try {
      known = DeadlineStep.valueOf(step);
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new Problem("step", "deadline.step.unknown"));
    }
    if (known != null && !owns(users.currentCaller().organisation(), known)) {
      audit.recordDenied("deadline", known.name(), "deadline of another organisation's step", null);
      throw new AccessDeniedException("deadline.notYours");
    }
    if (known != null && known.isProviders()) {
      if (days == null || days < 1 || days > MAX_HOURS) {
        problems.add(new Problem("days:" + step, "deadline.hours.range", MAX_HOURS));
      }
      // Hours run by the clock: a provider's systems work every day.
      workingDays = false;
    } else if (days == null || days < 1 || days > MAX_DAYS) {
      problems.add(new Problem("days:" + step, "deadline.days.range", MAX_DAYS));
    }
    refuseIf(problems);
    DeadlineRule rule = em.find(DeadlineRule.class, known);
    if (rule.getVersion() != version) {
      throw new StaleEntryException(known.name());
    }
    Diff diff =
        new Diff()
            .field("days", rule.getDays(), days)
            .field("workingDays", rule.isWorkingDays(), workingDays);
    if (diff.isEmpty()) {
      return;
    }
    rule.change(days, workingDays);
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleEntryException(known.name());
    }
    changes.record(Subject.DEADLINE, known.name(), Kind.CHANGED, diff.fields());
  }

  /** Adds a holiday, or renames the one already on that day. */
  public void addHoliday(LocalDate day, String name) {
    List<Problem> problems = new ArrayList<>();
    if (day == null) {
      problems.add(new Problem("holidayDay", "holiday.day.required"));
    }
    if (Checks.isBlank(name) || name.length() > MAX_HOLIDAY_NAME) {
      problems.add(new Problem("holidayName", "holiday.name.required"));
    } else {
      Checks.noBidiControls("holidayName", name, problems);
    }
    refuseIf(problems);
    Holiday h = em.find(Holiday.class, day);
    if (h == null) {
      em.persist(new Holiday(day, name.strip()));
      changes.record(
          Subject.HOLIDAY,
          day.toString(),
          Kind.ADDED,
          new Diff().field("name", null, name.strip()).fields());
    } else {
      Diff diff = new Diff().field("name", h.getName(), name.strip());
      h.rename(name.strip());
      changes.record(Subject.HOLIDAY, day.toString(), Kind.CHANGED, diff.fields());
    }
  }

  /** Removes a holiday: deadlines count that day as a working day again. */
  public void removeHoliday(LocalDate day) {
    Holiday h = day == null ? null : em.find(Holiday.class, day);
    if (h != null) {
      em.remove(h);
      changes.record(
          Subject.HOLIDAY,
          day.toString(),
          Kind.REMOVED,
          new Diff().field("name", h.getName(), null).fields());
    }
  }
}
