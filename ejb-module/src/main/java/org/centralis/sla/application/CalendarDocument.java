package org.centralis.sla.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.TimeWindow;

/**
 * A business calendar as the API and the admin UI exchange it (the JSON of {@code PUT
 * /api/calendars/{code}}). Times are "HH:MM" ({@code to} may be "24:00"), dates "YYYY-MM-DD",
 * recurring holidays "MM-DD"; a weekday absent from {@code weeklyHours} is closed. {@code code} is
 * set in answers and, when a request carries it, must match the path.
 */
public record CalendarDocument(
    String code,
    @NotBlank @Size(max = 100) String name,
    String timezone,
    Map<String, List<Hours>> weeklyHours,
    Holidays holidays,
    List<Workday> workdays,
    List<Break> breaks) {

  /** One working window. */
  public record Hours(String from, String to) {}

  /** Holidays by month-day every year, and by date. */
  public record Holidays(List<String> recurring, List<String> dates) {}

  /** A 调休 working day (a date worked whatever its weekday or holiday) with its windows. */
  public record Workday(String date, List<Hours> hours) {}

  /** A closed window on one date. */
  public record Break(String date, String from, String to) {}

  private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");

  /** Checks and converts the document; every bad value names its field. */
  public BusinessCalendar toCalendar() {
    BusinessCalendar.Builder b = BusinessCalendar.in(timezone);
    if (weeklyHours != null) {
      weeklyHours.forEach((day, hours) -> b.hours(weekday(day), windows("weeklyHours." + day, hours)));
    }
    if (holidays != null) {
      forEach(holidays.recurring(), "holidays.recurring", (field, text) -> b.recurringHoliday(monthDay(field, text)));
      forEach(holidays.dates(), "holidays.dates", (field, text) -> b.holiday(date(field, text)));
    }
    forEach(workdays, "workdays", (field, w) -> b.workday(date(field + ".date", w.date()), windows(field + ".hours", w.hours())));
    forEach(breaks, "breaks", (field, k) -> b.breakOn(date(field + ".date", k.date()), TimeWindow.parse(field, k.from(), k.to())));
    return b.build();
  }

  /** The canonical document of a calendar: weekdays in order, dates sorted, windows sorted. */
  public static CalendarDocument of(String code, String name, BusinessCalendar calendar) {
    Map<String, List<Hours>> weekly = new LinkedHashMap<>();
    calendar.weeklyHours().forEach((day, windows) -> weekly.put(day.name(), hours(windows)));
    Holidays holidays =
        new Holidays(
            calendar.recurringHolidays().stream().map(md -> String.format(Locale.ROOT, "%02d-%02d", md.getMonthValue(), md.getDayOfMonth())).toList(),
            calendar.holidayDates().stream().map(LocalDate::toString).toList());
    List<Workday> workdays = new ArrayList<>();
    calendar.workdays().forEach((date, windows) -> workdays.add(new Workday(date.toString(), hours(windows))));
    List<Break> breaks = new ArrayList<>();
    calendar.breaks().forEach((date, windows) -> windows.forEach(w -> breaks.add(new Break(date.toString(), w.from(), w.to()))));
    return new CalendarDocument(code, name, calendar.zone().getId(), weekly, holidays, workdays, breaks);
  }

  private static List<Hours> hours(List<TimeWindow> windows) {
    return windows.stream().map(w -> new Hours(w.from(), w.to())).toList();
  }

  private static List<TimeWindow> windows(String field, List<Hours> hours) {
    List<TimeWindow> windows = new ArrayList<>();
    forEach(hours, field, (f, h) -> windows.add(TimeWindow.parse(f, h.from(), h.to())));
    return windows;
  }

  private static DayOfWeek weekday(String name) {
    try {
      return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new InvalidInputException("weeklyHours." + name, "invalid-weekday", "'" + name + "' is not a weekday such as MONDAY", "weeklyHours");
    }
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidInputException(field, "invalid-date", field + ": '" + text + "' is not a date YYYY-MM-DD", field);
    }
  }

  private static MonthDay monthDay(String field, String text) {
    try {
      if (text == null || !MONTH_DAY.matcher(text.trim()).matches()) {
        throw new DateTimeParseException("not MM-DD", String.valueOf(text), 0);
      }
      return MonthDay.parse("--" + text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "invalid-date", field + ": '" + text + "' is not a month-day MM-DD", field);
    }
  }

  /** Calls {@code action} for each element with its field name, e.g. "breaks[2]"; null elements are rejected. */
  private static <T> void forEach(List<T> list, String field, BiConsumer<String, T> action) {
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String f = field + "[" + i + "]";
      if (list.get(i) == null) {
        throw new InvalidInputException(f, "invalid-value", f + " must not be null", f);
      }
      action.accept(f, list.get(i));
    }
  }
}
