package kz.gov.dozor.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.DeadlineRuleView;
import kz.gov.dozor.ejb.reference.HolidayView;
import kz.gov.dozor.ejb.reference.ReferenceDataService;
import kz.gov.dozor.web.platform.Messages;

/** Administrators keep the deadlines of each step and the holidays working days skip. */
@Named("deadlineRules")
@ViewScoped
public class DeadlinesBacking implements Serializable {

  @Inject private ReferenceDataService reference;

  private final Map<String, Integer> days = new HashMap<>();
  private final Map<String, Boolean> working = new HashMap<>();
  private List<DeadlineRuleView> rules;
  private int year = LocalDate.now(Almaty.ZONE).getYear();
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

  public String save(String step) {
    try {
      reference.changeDeadline(step, days.get(step), Boolean.TRUE.equals(working.get(step)));
      return "/admin/deadlines?faces-redirect=true";
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> null);
      return null;
    }
  }

  public String addHoliday() {
    try {
      reference.addHoliday(holidayDay, holidayName);
      return "/admin/deadlines?faces-redirect=true";
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "holidays:" + field);
      return null;
    }
  }

  public String removeHoliday(LocalDate day) {
    reference.removeHoliday(day);
    return "/admin/deadlines?faces-redirect=true";
  }

  public List<HolidayView> getHolidays() {
    return reference.holidays(year);
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
