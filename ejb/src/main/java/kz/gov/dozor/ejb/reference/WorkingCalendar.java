package kz.gov.dozor.ejb.reference;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import kz.gov.dozor.ejb.platform.Almaty;

/** Counts days forward from a moment in Almaty, skipping weekends and holidays when asked. */
public final class WorkingCalendar {

  private WorkingCalendar() {}

  /**
   * The moment {@code days} days after {@code start}, at the same time of day. Working days skip
   * Saturdays, Sundays and the given holidays; a start on a day off counts from the next working
   * day's start.
   */
  public static Instant plus(
      Instant start, int days, boolean workingDays, Set<LocalDate> holidays) {
    if (!workingDays) {
      return start.plus(Duration.ofDays(days));
    }
    ZonedDateTime t = start.atZone(Almaty.ZONE);
    if (!isWorkingDay(t.toLocalDate(), holidays)) {
      LocalDate d = t.toLocalDate();
      while (!isWorkingDay(d, holidays)) {
        d = d.plusDays(1);
      }
      t = d.atStartOfDay(Almaty.ZONE);
    }
    int left = days;
    while (left > 0) {
      t = t.plusDays(1);
      if (isWorkingDay(t.toLocalDate(), holidays)) {
        left--;
      }
    }
    return t.toInstant();
  }

  public static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
    DayOfWeek w = day.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(day);
  }
}
