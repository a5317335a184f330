package kz.gov.dozor.ejb.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
  }

  @Test
  void oneWorkingDayFromFridayIsMonday() {
    assertThat(WorkingCalendar.plus(at("2026-11-20T15:30"), 1, true, Set.of()))
        .isEqualTo(at("2026-11-23T15:30"));
  }

  @Test
  void holidaysAreSkippedLikeWeekends() {
    // Independence Day, Wednesday 16 December 2026.
    Set<LocalDate> holidays = Set.of(LocalDate.parse("2026-12-16"));
    assertThat(WorkingCalendar.plus(at("2026-12-15T10:00"), 1, true, holidays))
        .isEqualTo(at("2026-12-17T10:00"));
    assertThat(WorkingCalendar.plus(at("2026-12-15T10:00"), 2, true, holidays))
        .isEqualTo(at("2026-12-18T10:00"));
  }

  @Test
  void workStartedOnADayOffCountsFromTheNextWorkingMorning() {
    assertThat(WorkingCalendar.plus(at("2026-11-21T11:00"), 1, true, Set.of()))
        .isEqualTo(at("2026-11-24T00:00"));
  }

  @Test
  void calendarDaysCountEveryDay() {
    assertThat(WorkingCalendar.plus(at("2026-11-20T15:30"), 2, false, Set.of()))
        .isEqualTo(at("2026-11-22T15:30"));
  }
}
