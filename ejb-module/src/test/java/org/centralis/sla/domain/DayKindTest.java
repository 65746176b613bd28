package org.centralis.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.centralis.sla.domain.BusinessCalendar.DayKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The year view's colours on the 2026 calendar of the State Council's notice (hand-checked against it). */
class DayKindTest {

  private static final BusinessCalendar CN_2026 = Calendars.cn2026();

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "2026-03-02, WORKING",        // a Monday
    "2026-03-07, CLOSED",         // a Saturday
    "2026-10-01, HOLIDAY",        // National Day
    "2026-10-05, HOLIDAY",        // a Monday inside the Golden Week
    "2026-02-14, MAKEUP_WORKDAY", // Saturday worked before the Spring Festival (调休)
    "2026-10-10, MAKEUP_WORKDAY", // Saturday worked after National Day
    "2026-03-04, BREAK",          // the Wednesday staff meeting 10:00–11:00
  })
  void kinds(LocalDate date, DayKind kind) {
    assertEquals(kind, CN_2026.dayKind(date));
  }

  @ParameterizedTest(name = "{0} with other hours is {1}")
  @CsvSource({"2026-03-03, SPECIAL_HOURS", "2026-03-08, MAKEUP_WORKDAY"})
  void anOverrideOnAWorkedDateIsSpecialHoursAndOnAClosedOneAMakeUpDay(LocalDate date, DayKind kind) {
    BusinessCalendar calendar = Calendars.bankBuilder().workday(date, java.util.List.of(TimeWindow.of("09:00-12:00"))).build();
    assertEquals(kind, calendar.dayKind(date));
  }
}
