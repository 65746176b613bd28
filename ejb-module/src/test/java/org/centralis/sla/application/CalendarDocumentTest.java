package org.centralis.sla.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.sla.application.CalendarDocument.Break;
import org.centralis.sla.application.CalendarDocument.Holidays;
import org.centralis.sla.application.CalendarDocument.Hours;
import org.centralis.sla.application.CalendarDocument.Workday;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API's calendar document: converted both ways without loss, and every bad value named by its field. */
class CalendarDocumentTest {

  static final List<Hours> BANK_HOURS = List.of(new Hours("13:30", "17:30"), new Hours("09:00", "12:00"));

  static CalendarDocument document(Map<String, List<Hours>> weekly, Holidays holidays, List<Workday> workdays, List<Break> breaks) {
    return new CalendarDocument(null, "网点", "Asia/Shanghai", weekly, holidays, workdays, breaks);
  }

  static CalendarDocument valid() {
    return document(
        Map.of("MONDAY", BANK_HOURS, "friday", BANK_HOURS, "SUNDAY", List.of()),
        new Holidays(List.of("10-01", "01-01"), List.of("2026-02-16")),
        List.of(new Workday("2026-02-14", List.of(new Hours("09:00", "12:00")))),
        List.of(new Break("2026-03-02", "10:00", "11:00")));
  }

  @Test
  void aDocumentBecomesACalendarAndBackInCanonicalOrder() {
    BusinessCalendar c = valid().toCalendar();
    assertEquals(List.of(TimeWindow.of("09:00-12:00"), TimeWindow.of("13:30-17:30")), c.weeklyHours().get(DayOfWeek.FRIDAY));
    assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.copyOf(c.weeklyHours().keySet()), "an empty weekday is closed");
    assertEquals(List.of(MonthDay.of(1, 1), MonthDay.of(10, 1)), List.copyOf(c.recurringHolidays()));
    assertEquals(List.of(LocalDate.parse("2026-02-16")), List.copyOf(c.holidayDates()));

    CalendarDocument back = CalendarDocument.of("CN-TEST", "网点", c);
    assertEquals("CN-TEST", back.code());
    assertEquals(List.of("MONDAY", "FRIDAY"), List.copyOf(back.weeklyHours().keySet()));
    assertEquals(List.of(new Hours("09:00", "12:00"), new Hours("13:30", "17:30")), back.weeklyHours().get("MONDAY"));
    assertEquals(new Holidays(List.of("01-01", "10-01"), List.of("2026-02-16")), back.holidays());
    assertEquals(List.of(new Workday("2026-02-14", List.of(new Hours("09:00", "12:00")))), back.workdays());
    assertEquals(List.of(new Break("2026-03-02", "10:00", "11:00")), back.breaks());
    assertEquals(c, back.toCalendar(), "the canonical document describes the same calendar");
  }

  @Test
  void missingSectionsMeanNothing() {
    BusinessCalendar c = document(null, null, null, null).toCalendar();
    assertEquals(Map.of(), c.weeklyHours());
    assertEquals(0, c.holidayDates().size() + c.recurringHolidays().size() + c.workdays().size() + c.breaks().size());
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          timezone=Europe/Atlantis     | timezone                | invalid-timezone
          weekday=FUNDAY               | weeklyHours.FUNDAY      | invalid-weekday
          hours=09:00-08:00            | weeklyHours.MONDAY[0]   | invalid-time-window
          hours=09:00-12:00,11:00-13:00 | weeklyHours.MONDAY     | overlapping-windows
          hours=9h-12h                 | weeklyHours.MONDAY[0]   | invalid-time
          recurring=13-01              | holidays.recurring[0]   | invalid-date
          recurring=02-30              | holidays.recurring[0]   | invalid-date
          recurring=2-3                | holidays.recurring[0]   | invalid-date
          date=2026-02-30              | holidays.dates[0]       | invalid-date
          date=26-02-01                | holidays.dates[0]       | invalid-date
          workday=2026/02/14           | workdays[0].date        | invalid-date
          workdayHours=none            | workdays.2026-02-14     | empty-workday
          break=2026-03-02 12:00-13:00 | breaks.2026-03-02       | break-outside-working-hours
          break=2026-03-02 11:00-10:00 | breaks[0]               | invalid-time-window
          """)
  void badValuesAreNamed(String change, String field, String code) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> withChange(change).toCalendar());
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(code, e.code(), e.getMessage());
  }

  @Test
  void nullElementsAreNamed() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> document(null, new Holidays(null, Arrays.asList("2026-01-01", null)), null, null).toCalendar());
    assertEquals("holidays.dates[1]", e.field());
  }

  /** The valid document with one thing changed, written "kind=value". */
  private static CalendarDocument withChange(String change) {
    String[] kv = change.split("=", 2);
    String v = kv[1];
    CalendarDocument d = valid();
    Map<String, List<Hours>> mondayOnly = Map.of("MONDAY", BANK_HOURS);
    return switch (kv[0]) {
      case "timezone" -> new CalendarDocument(null, "x", v, d.weeklyHours(), d.holidays(), d.workdays(), d.breaks());
      case "weekday" -> document(Map.of(v, BANK_HOURS), null, null, null);
      case "hours" ->
          document(Map.of("MONDAY", Arrays.stream(v.split(",")).map(w -> new Hours(w.split("-")[0], w.split("-")[1])).toList()), null, null, null);
      case "recurring" -> document(mondayOnly, new Holidays(List.of(v), null), null, null);
      case "date" -> document(mondayOnly, new Holidays(null, List.of(v)), null, null);
      case "workday" -> document(mondayOnly, null, List.of(new Workday(v, BANK_HOURS)), null);
      case "workdayHours" -> document(mondayOnly, null, List.of(new Workday("2026-02-14", List.of())), null);
      case "break" -> {
        String[] dateAndWindow = v.split(" ");
        String[] window = dateAndWindow[1].split("-");
        yield document(mondayOnly, null, null, List.of(new Break(dateAndWindow[0], window[0], window[1])));
      }
      default -> throw new IllegalArgumentException(change);
    };
  }
}
