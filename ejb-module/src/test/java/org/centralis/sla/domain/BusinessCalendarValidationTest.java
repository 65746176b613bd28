package org.centralis.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules that are refused, each with the field an API client must fix and a stable code. */
class BusinessCalendarValidationTest {

  static final Instant MONDAY_9 = Instant.parse("2026-03-02T01:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus_Mons", "asia/shanghai", "+08:00", "GMT+8", "CST", ""})
  void anUnknownOrNonIanaZoneIsRefused(String zone) {
    assertInvalid("timezone", "invalid-timezone", () -> BusinessCalendar.in(zone));
  }

  @Test
  void aMissingZoneIsRefused() {
    assertInvalid("timezone", "invalid-timezone", () -> BusinessCalendar.in((String) null));
  }

  @Test
  void overlappingWindowsOfAWeekdayAreRefused() {
    assertInvalid(
        "weeklyHours.MONDAY",
        "overlapping-windows",
        () -> BusinessCalendar.in("Asia/Shanghai").hours(DayOfWeek.MONDAY, List.of(TimeWindow.of("09:00-12:00"), TimeWindow.of("11:30-13:00"))).build());
  }

  @Test
  void windowsInAnyOrderAreSortedAndAdjacentOnesAllowed() {
    BusinessCalendar c =
        BusinessCalendar.in("Asia/Shanghai")
            .hours(DayOfWeek.MONDAY, List.of(TimeWindow.of("13:00-17:00"), TimeWindow.of("09:00-12:00"), TimeWindow.of("12:00-13:00")))
            .build();
    assertEquals(List.of(TimeWindow.of("09:00-12:00"), TimeWindow.of("12:00-13:00"), TimeWindow.of("13:00-17:00")), c.weeklyHours().get(DayOfWeek.MONDAY));
  }

  @ParameterizedTest(name = "{0}–{1}: {2}")
  @CsvSource({
    "17:00, 09:00, invalid-time-window",
    "09:00, 09:00, invalid-time-window",
    "24:00, 24:00, invalid-time",
    "09:00, 24:30, invalid-time",
    "09:00, 25:00, invalid-time",
    "9:00, 12:00, invalid-time",
    "09:60, 12:00, invalid-time",
    "09:00:00, 12:00, invalid-time",
    "nine, 12:00, invalid-time"
  })
  void aMalformedOrBackwardWindowIsRefused(String from, String to, String code) {
    assertInvalid("weeklyHours.MONDAY", code, () -> TimeWindow.parse("weeklyHours.MONDAY", from, to));
  }

  @Test
  void aMissingBoundIsRefused() {
    assertInvalid("breaks[0]", "invalid-time", () -> TimeWindow.parse("breaks[0]", "10:00", null));
  }

  @Test
  void twentyFourHundredIsAllowedAsAnEndOnly() {
    assertEquals(new TimeWindow(0, 1440), TimeWindow.parse("w", "00:00", "24:00"));
    assertEquals("24:00", TimeWindow.of("20:00-24:00").to());
  }

  @Test
  void anEmptyWorkdayIsRefused() {
    assertInvalid("workdays.2026-02-14", "empty-workday", () -> BusinessCalendar.in("Asia/Shanghai").workday(LocalDate.parse("2026-02-14"), List.of()).build());
  }

  @Test
  void overlappingWorkdayWindowsAreRefused() {
    assertInvalid(
        "workdays.2026-02-14",
        "overlapping-windows",
        () -> BusinessCalendar.in("Asia/Shanghai").workday(LocalDate.parse("2026-02-14"), List.of(TimeWindow.of("09:00-12:00"), TimeWindow.of("09:00-10:00"))).build());
  }

  @Test
  void aBreakOutsideTheDatesWorkingHoursIsRefused() {
    BusinessCalendar.Builder bank = BusinessCalendar.in("Asia/Shanghai").hours(Calendars.WEEKDAYS, "09:00-12:00", "13:30-17:30");
    assertInvalid("breaks.2026-03-02", "break-outside-working-hours", () -> bank.breakOn(LocalDate.parse("2026-03-02"), TimeWindow.of("12:00-13:30")).build());
  }

  @Test
  void aBreakOnAHolidayOrWeekendIsRefused() {
    assertInvalid(
        "breaks.2026-10-01",
        "break-outside-working-hours",
        () -> Calendars.bankBuilder().holiday(LocalDate.parse("2026-10-01")).breakOn(LocalDate.parse("2026-10-01"), TimeWindow.of("10:00-11:00")).build());
    assertInvalid("breaks.2026-03-07", "break-outside-working-hours", () -> Calendars.bankBuilder().breakOn(LocalDate.parse("2026-03-07"), TimeWindow.of("10:00-11:00")).build());
  }

  @Test
  void aBreakOnAMakeUpWorkdayIsFine() {
    BusinessCalendar c =
        Calendars.bankBuilder()
            .workday(LocalDate.parse("2026-03-07"), List.of(TimeWindow.of("09:00-12:00")))
            .breakOn(LocalDate.parse("2026-03-07"), TimeWindow.of("10:00-11:00"))
            .build();
    assertEquals(List.of(TimeWindow.of("09:00-10:00"), TimeWindow.of("11:00-12:00")), c.hoursOn(LocalDate.parse("2026-03-07")));
  }

  @Test
  void overlappingBreaksAreRefused() {
    LocalDate monday = LocalDate.parse("2026-03-02");
    assertInvalid(
        "breaks.2026-03-02",
        "overlapping-windows",
        () -> Calendars.bankBuilder().breakOn(monday, TimeWindow.of("09:00-10:00")).breakOn(monday, TimeWindow.of("09:30-11:00")).build());
  }

  @Test
  void tooManyWindowsAreRefused() {
    BusinessCalendar.Builder b = BusinessCalendar.in("UTC");
    for (int m = 0; m < 49 * 20; m += 20) {
      b.hours(DayOfWeek.MONDAY, List.of(new TimeWindow(m, m + 10)));
    }
    assertInvalid("weeklyHours.MONDAY", "too-many-windows", b::build);
  }

  @Test
  void aNegativeAmountIsRefused() {
    assertInvalid("seconds", "invalid-amount", () -> Calendars.bank().addWorkingTime(MONDAY_9, -1));
    assertInvalid("seconds", "invalid-amount", () -> Calendars.bank().addWorkingTime(MONDAY_9, Duration.ofSeconds(-1)));
  }

  @Test
  void aTenYearAmountIsRefusedEvenRoundTheClock() {
    assertInvalid("seconds", "beyond-horizon", () -> Calendars.roundTheClock("UTC").addWorkingTime(MONDAY_9, Duration.ofDays(3650)));
  }

  @Test
  void anAmountThatFitsOnlyAfterFiveYearsIsRefused() {
    // 2 years of round-the-clock time is ~8.4 years of 7-hour weekdays.
    assertInvalid("seconds", "beyond-horizon", () -> Calendars.bank().addWorkingTime(MONDAY_9, Duration.ofDays(730)));
    // Just inside: four years of branch days.
    Calendars.bank().addWorkingTime(MONDAY_9, Duration.ofHours(4 * 52 * 35));
  }

  @Test
  void aCalendarThatNeverWorksHasNoDeadlineButZeroWorkingTime() {
    BusinessCalendar closed = BusinessCalendar.in("Asia/Shanghai").build();
    assertInvalid("seconds", "beyond-horizon", () -> closed.addWorkingTime(MONDAY_9, 1));
    assertEquals(MONDAY_9, closed.addWorkingTime(MONDAY_9, 0));
    assertEquals(0, closed.workingSecondsBetween(MONDAY_9, MONDAY_9.plus(Duration.ofDays(1000))));
  }

  @Test
  void aSpanLongerThanFiveYearsIsRefused() {
    assertInvalid("to", "beyond-horizon", () -> Calendars.bank().workingSecondsBetween(MONDAY_9, MONDAY_9.plus(Duration.ofDays(1831))));
    Calendars.bank().workingSecondsBetween(MONDAY_9, MONDAY_9.plus(Duration.ofDays(1830)));
  }

  @Test
  void instantsOutsideTheSupportedRangeOrMissingAreRefused() {
    assertInvalid("start", "invalid-instant", () -> Calendars.bank().addWorkingTime(Instant.parse("1899-12-31T23:59:59Z"), 1));
    assertInvalid("start", "invalid-instant", () -> Calendars.bank().addWorkingTime(Instant.MAX, 1));
    assertInvalid("start", "invalid-instant", () -> Calendars.bank().addWorkingTime(null, 1));
    assertInvalid("from", "invalid-instant", () -> Calendars.bank().workingSecondsBetween(null, MONDAY_9));
    assertInvalid("to", "invalid-instant", () -> Calendars.bank().workingSecondsBetween(MONDAY_9, Instant.parse("9000-01-01T00:00:00Z")));
  }

  @Test
  void equalRulesMakeEqualCalendars() {
    assertEquals(Calendars.cn2026(), Calendars.cn2026());
    assertEquals(Calendars.cn2026().hashCode(), Calendars.cn2026().hashCode());
  }

  static void assertInvalid(String field, String code, Executable action) {
    InvalidInputException e = assertThrows(InvalidInputException.class, action);
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(code, e.code(), e.getMessage());
  }
}
