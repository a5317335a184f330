package kz.gov.dozor.web.reference;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.ChangeView;
import kz.gov.dozor.ejb.reference.DeadlineRuleView;
import kz.gov.dozor.ejb.reference.DeadlineService;
import kz.gov.dozor.ejb.reference.HolidayView;
import kz.gov.dozor.ejb.reference.ReferenceQueries;
import kz.gov.dozor.ejb.reference.StaleEntryException;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;
import kz.gov.dozor.web.platform.Messages;

/**
 * Administrators keep the deadlines of each step and the holidays working days skip; the page shows
 * who changed what and when.
 */
@Named("deadlineRules")
@ViewScoped
public class DeadlinesBacking implements Serializable {

  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;

  @Inject private DeadlineService deadlines;
  @Inject private ReferenceQueries queries;

  private final Map<String, Integer> days = new HashMap<>();
  private final Map<String, Boolean> working = new HashMap<>();
  private final Map<String, Long> versions = new HashMap<>();
  private List<DeadlineRuleView> rules;
  private int year = LocalDate.now(Almaty.ZONE).getYear();
  private List<HolidayView> holidays;
  private List<ChangeView> changes;
  private LocalDate holidayDay;
  private String holidayName;

  @PostConstruct
  void init() {
    rules = queries.deadlineRules();
    for (DeadlineRuleView r : rules) {
      days.put(r.step(), r.days());
      working.put(r.step(), r.workingDays());
      versions.put(r.step(), r.version());
    }
  }

  /** Saves one rule; a refusal is shown next to that rule and names it. */
  public String save(String step) {
    try {
      deadlines.changeDeadline(
          step,
          versions.getOrDefault(step, -1L),
          days.get(step),
          Boolean.TRUE.equals(working.get(step)));
      Messages.success("deadline.saved", Messages.text("deadline.step." + step));
      return "/reference/deadlines?faces-redirect=true";
    } catch (InvalidInputException e) {
      String clientId = daysClientId(step);
      String rule = Messages.text("deadline.step." + step);
      for (InvalidInputException.Problem p : e.getProblems()) {
        Messages.addError(
            clientId,
            Messages.error("deadline.problem", rule, Messages.text(p.messageKey(), p.arguments())));
      }
      return null;
    } catch (StaleEntryException e) {
      // Someone else saved this rule meanwhile: show theirs in the history, keep what was typed.
      for (DeadlineRuleView r : queries.deadlineRules()) {
        versions.put(r.step(), r.version());
      }
      changes = null;
      Messages.addError(
          daysClientId(step),
          Messages.error(
              "deadline.problem",
              Messages.text("deadline.step." + step),
              Messages.text("deadline.changedMeanwhile")));
      return null;
    } catch (AccessDeniedException e) {
      Messages.addError(
          daysClientId(step),
          Messages.error(
              "deadline.problem",
              Messages.text("deadline.step." + step),
              Messages.text(e.getMessageKey(), e.getArguments())));
      return null;
    }
  }

  /** The days field of a rule's row, where its messages go. */
  private String daysClientId(String step) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).step().equals(step)) {
        return "rules:table:" + i + ":days";
      }
    }
    return null;
  }

  public String addHoliday() {
    try {
      deadlines.addHoliday(holidayDay, holidayName);
      Messages.success("holidays.saved", day(holidayDay), holidayName.strip());
      return "/reference/deadlines?faces-redirect=true&year=" + holidayDay.getYear();
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "holidays:" + field);
      return null;
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
      return null;
    }
  }

  public String removeHoliday(LocalDate day) {
    deadlines.removeHoliday(day);
    Messages.success("holidays.removed", day(day));
    return "/reference/deadlines?faces-redirect=true&year=" + day.getYear();
  }

  /** The question asked before a holiday is removed. */
  public String removeQuestion(HolidayView h) {
    return Messages.text("holidays.removeConfirm", day(h.day()), h.name());
  }

  private static String day(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }

  public List<HolidayView> getHolidays() {
    if (holidays == null) {
      holidays = queries.holidays(year);
    }
    return holidays;
  }

  /** The latest changes of deadlines and holidays, by either organisation, newest first. */
  public List<ChangeView> getChanges() {
    if (changes == null) {
      changes = queries.history(EnumSet.of(Subject.DEADLINE, Subject.HOLIDAY), null, 30);
    }
    return changes;
  }

  /** The year whose holidays are shown, from the address ({@code ?year=2027}); now otherwise. */
  public String getYearParam() {
    return String.valueOf(year);
  }

  public void setYearParam(String value) {
    if (value != null && value.matches("\\d{4}")) {
      int y = Integer.parseInt(value);
      if (y >= MIN_YEAR && y <= MAX_YEAR) {
        year = y;
        holidays = null;
      }
    }
  }

  public int getPreviousYear() {
    return Math.max(MIN_YEAR, year - 1);
  }

  public int getNextYear() {
    return Math.min(MAX_YEAR, year + 1);
  }

  public int getCurrentYear() {
    return LocalDate.now(Almaty.ZONE).getYear();
  }

  public List<DeadlineRuleView> getRules() {
    return rules;
  }

  public Map<String, Integer> getDays() {
    return days;
  }

  public Map<String, Boolean> getWorking() {
    return working;
  }

  public int getYear() {
    return year;
  }

  public void setYear(int year) {
    this.year = year;
  }

  public LocalDate getHolidayDay() {
    return holidayDay;
  }

  public void setHolidayDay(LocalDate holidayDay) {
    this.holidayDay = holidayDay;
  }

  public String getHolidayName() {
    return holidayName;
  }

  public void setHolidayName(String holidayName) {
    this.holidayName = holidayName;
  }
}
