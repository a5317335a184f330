package kz.gov.dozor.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.DeadlineChangeView;
import kz.gov.dozor.ejb.reference.DeadlineRuleView;
import kz.gov.dozor.ejb.reference.HolidayView;
import kz.gov.dozor.ejb.reference.ReferenceDataService;
import kz.gov.dozor.web.platform.Messages;

/** Administrators keep the deadlines of each step and the holidays working days skip. */
@Named("deadlineRules")
@ViewScoped
public class DeadlinesBacking implements Serializable {

  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;

  @Inject private ReferenceDataService reference;

  private final Map<String, Integer> days = new HashMap<>();
  private final Map<String, Boolean> working = new HashMap<>();
  private List<DeadlineRuleView> rules;
  private int year = LocalDate.now(Almaty.ZONE).getYear();
  private List<HolidayView> holidays;
  private List<DeadlineChangeView> changes;
  private LocalDate holidayDay;
  private String holidayName;

  @PostConstruct
  void init() {
    rules = reference.deadlineRules();
    for (DeadlineRuleView r : rules) {
      days.put(r.step(), r.days());
      working.put(r.step(), r.workingDays());
    }
  }

  /** Saves one rule; a refusal is shown next to that rule and names it. */
  public String save(String step) {
    try {
      reference.changeDeadline(step, days.get(step), Boolean.TRUE.equals(working.get(step)));
      return "/admin/deadlines?faces-redirect=true";
    } catch (InvalidInputException e) {
      String clientId = daysClientId(step);
      String rule = Messages.text("deadline.step." + step);
      for (InvalidInputException.Problem p : e.getProblems()) {
        Messages.addError(
            clientId,
            Messages.error("deadline.problem", rule, Messages.text(p.messageKey(), p.arguments())));
      }
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
      reference.addHoliday(holidayDay, holidayName);
      return "/admin/deadlines?faces-redirect=true&year=" + holidayDay.getYear();
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "holidays:" + field);
      return null;
    }
  }

  public String removeHoliday(LocalDate day) {
    reference.removeHoliday(day);
    return "/admin/deadlines?faces-redirect=true&year=" + day.getYear();
  }

  /** The question asked before a holiday is removed. */
  public String removeQuestion(HolidayView h) {
    return Messages.text(
        "holidays.removeConfirm",
        h.day().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
        h.name());
  }

  public List<HolidayView> getHolidays() {
    if (holidays == null) {
      holidays = reference.holidays(year);
    }
    return holidays;
  }

  public List<DeadlineChangeView> getChanges() {
    if (changes == null) {
      changes = reference.deadlineChanges(20);
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
