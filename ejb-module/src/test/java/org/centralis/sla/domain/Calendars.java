package org.centralis.sla.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The calendars the hand-checked tables and the property tests run on, by name. */
final class Calendars {

  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);
  static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private Calendars() {}

  /** A branch: Monday to Friday 09:00–12:00 and 13:30–17:30 (7 h a day), no holidays. */
  static BusinessCalendar bank() {
    return bankBuilder().build();
  }

  static BusinessCalendar.Builder bankBuilder() {
    return BusinessCalendar.in("Asia/Shanghai").hours(WEEKDAYS, "09:00-12:00", "13:30-17:30");
  }

  /**
   * The bank with the 2026 holidays and 调休 workdays of the State Council's notice (as in
   * V6__business_calendar.sql), plus a staff meeting on Wednesday 2026-03-04 10:00–11:00.
   */
  static BusinessCalendar cn2026() {
    BusinessCalendar.Builder b = BusinessCalendar.in("Asia/Shanghai").hours(WEEKDAYS, "09:00-12:00", "13:30-17:30");
    int[][] holidays = {{1, 1, 3}, {2, 15, 23}, {4, 4, 6}, {5, 1, 5}, {6, 19, 21}, {9, 25, 27}, {10, 1, 7}};
    for (int[] h : holidays) {
      for (int day = h[1]; day <= h[2]; day++) {
        b.holiday(LocalDate.of(2026, h[0], day));
      }
    }
    Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
        .forEach(d -> b.workday(LocalDate.parse(d), List.of(TimeWindow.of("09:00-12:00"), TimeWindow.of("13:30-17:30"))));
    return b.breakOn(LocalDate.parse("2026-03-04"), TimeWindow.of("10:00-11:00")).build();
  }

  static BusinessCalendar roundTheClock(String zone) {
    return BusinessCalendar.in(zone).hours(EVERY_DAY, "00:00-24:00").build();
  }

  static BusinessCalendar office(String zone) {
    return BusinessCalendar.in(zone).hours(WEEKDAYS, "09:00-17:00").build();
  }

  /** New York office with a recurring Christmas and Thanksgiving 2026 by date. */
  static BusinessCalendar newYorkWithHolidays() {
    return BusinessCalendar.in("America/New_York")
        .hours(WEEKDAYS, "09:00-17:00")
        .recurringHoliday(MonthDay.of(12, 25))
        .holiday(LocalDate.parse("2026-11-26"))
        .build();
  }

  /** Several windows a day, two of them adjacent, the last ending at 24:00. */
  static BusinessCalendar split() {
    return BusinessCalendar.in("Asia/Shanghai").hours(EVERY_DAY, "08:00-10:00", "10:00-12:00", "14:00-16:00", "20:00-24:00").build();
  }

  /** Recurring May Day holiday, but 2026-05-01 worked 10:00–11:00 (the override wins). */
  static BusinessCalendar overriddenHoliday() {
    return BusinessCalendar.in("Asia/Shanghai")
        .hours(WEEKDAYS, "09:00-12:00", "13:30-17:30")
        .recurringHoliday(MonthDay.of(5, 1))
        .workday(LocalDate.parse("2026-05-01"), List.of(TimeWindow.of("10:00-11:00")))
        .build();
  }

  static final Map<String, BusinessCalendar> BY_NAME =
      Map.ofEntries(
          Map.entry("BANK", bank()),
          Map.entry("CN2026", cn2026()),
          Map.entry("SH_24", roundTheClock("Asia/Shanghai")),
          Map.entry("BER_24", roundTheClock("Europe/Berlin")),
          Map.entry("NY_24", roundTheClock("America/New_York")),
          Map.entry("SYD_24", roundTheClock("Australia/Sydney")),
          // every day 01:00–04:00 in Berlin: the clock jumps or repeats inside the window
          Map.entry("BER_NIGHT", BusinessCalendar.in("Europe/Berlin").hours(EVERY_DAY, "01:00-04:00").build()),
          // every day 02:00–03:00 in Berlin: the window does not exist on the spring-forward day
          Map.entry("BER_2AM", BusinessCalendar.in("Europe/Berlin").hours(EVERY_DAY, "02:00-03:00").build()),
          Map.entry("NY_OFFICE", office("America/New_York")),
          // Santiago de Chile changes its clocks at midnight: 00:00 is missing on 2026-09-06 and
          // 23:00–24:00 repeats on 2026-04-04
          Map.entry("SCL_24", roundTheClock("America/Santiago")),
          Map.entry("SCL_NIGHTS", BusinessCalendar.in("America/Santiago").hours(EVERY_DAY, "00:00-02:00", "22:00-24:00").build()),
          Map.entry("NY_HOLIDAYS", newYorkWithHolidays()),
          Map.entry("SYD_OFFICE", office("Australia/Sydney")),
          Map.entry("SPLIT", split()),
          Map.entry("OVERRIDE", overriddenHoliday()));

  static BusinessCalendar named(String name) {
    BusinessCalendar c = BY_NAME.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no test calendar " + name);
    }
    return c;
  }
}
