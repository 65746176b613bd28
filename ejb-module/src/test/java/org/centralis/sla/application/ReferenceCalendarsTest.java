package org.centralis.sla.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.TimeWindow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendars V6 ships, read from the migrated schema (H2 in Oracle mode) the way
 * CalendarDefinition reads its rows: they form valid calendars with the 2026 schedule.
 */
class ReferenceCalendarsTest {

  @TempDir static Path dir;
  static String url;

  @BeforeAll
  static void migrate() {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
  }

  @Test
  void cnBank2026HasTheStateCouncilSchedule() throws SQLException {
    BusinessCalendar cn = load("CN-BANK-2026");
    assertEquals("Asia/Shanghai", cn.zone().getId());
    assertEquals(List.of(TimeWindow.of("09:00-12:00"), TimeWindow.of("13:30-17:30")), cn.weeklyHours().get(DayOfWeek.WEDNESDAY));
    assertEquals(5, cn.weeklyHours().size());
    assertEquals(33, cn.holidayDates().size(), "3 + 9 + 3 + 5 + 3 + 3 + 7 days off");
    assertEquals(
        List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
        cn.workdays().keySet().stream().map(LocalDate::toString).toList());
    Instant year = OffsetDateTime.parse("2026-01-01T00:00+08:00").toInstant();
    assertEquals(248L * 7 * 3600, cn.workingSecondsBetween(year, OffsetDateTime.parse("2027-01-01T00:00+08:00").toInstant()), "248 working days");
    assertEquals(
        OffsetDateTime.parse("2026-02-24T09:30+08:00").toInstant(),
        cn.addWorkingTime(OffsetDateTime.parse("2026-02-14T17:00+08:00").toInstant(), 3600),
        "from the make-up Saturday over the Spring Festival");
  }

  @Test
  void sevenByTwentyFourNeverCloses() throws SQLException {
    BusinessCalendar always = load("7x24");
    Instant newYear = OffsetDateTime.parse("2026-01-01T00:00+08:00").toInstant();
    assertEquals(365L * 86_400, always.workingSecondsBetween(newYear, OffsetDateTime.parse("2027-01-01T00:00+08:00").toInstant()));
    assertTrue(always.holidayDates().isEmpty());
  }

  private static BusinessCalendar load(String code) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      long id;
      BusinessCalendar.Builder b;
      try (ResultSet rs = c.createStatement().executeQuery("SELECT ID, TIME_ZONE FROM BUSINESS_CALENDAR WHERE CODE = '" + code + "'")) {
        assertTrue(rs.next(), code);
        id = rs.getLong(1);
        b = BusinessCalendar.in(rs.getString(2));
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT DAY_OF_WEEK, FROM_TIME, TO_TIME FROM CALENDAR_WEEKLY_WINDOW WHERE CALENDAR_ID = " + id)) {
        while (rs.next()) {
          b.hours(DayOfWeek.valueOf(rs.getString(1)), List.of(TimeWindow.parse("w", rs.getString(2), rs.getString(3))));
        }
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT MONTH_DAY FROM CALENDAR_RECURRING_HOLIDAY WHERE CALENDAR_ID = " + id)) {
        while (rs.next()) {
          b.recurringHoliday(MonthDay.parse("--" + rs.getString(1)));
        }
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT HOLIDAY_DATE FROM CALENDAR_HOLIDAY_DATE WHERE CALENDAR_ID = " + id)) {
        while (rs.next()) {
          b.holiday(rs.getDate(1).toLocalDate());
        }
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT WORK_DATE, FROM_TIME, TO_TIME FROM CALENDAR_WORKDAY_WINDOW WHERE CALENDAR_ID = " + id)) {
        while (rs.next()) {
          b.workday(rs.getDate(1).toLocalDate(), List.of(TimeWindow.parse("w", rs.getString(2), rs.getString(3))));
        }
      }
      return b.build();
    }
  }
}
