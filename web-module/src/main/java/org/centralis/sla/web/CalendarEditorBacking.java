package org.centralis.sla.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.sla.application.BusinessCalendars;
import org.centralis.sla.application.CalendarDocument;
import org.centralis.sla.application.ClockRecompute;
import org.centralis.sla.application.SlaPolicies;
import org.centralis.sla.application.WhatIf;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.BusinessCalendar.DayKind;
import org.centralis.sla.domain.TimeWindow;
import org.centralis.shared.web.Messages;
import org.primefaces.event.FileUploadEvent;

/**
 * The calendar editor (admin/calendars.xhtml): a year view of one business calendar — working days, weekends,
 * holidays, make-up working days (调休), special hours, breaks — where a click on a day drafts a change (holiday,
 * make-up day, back to normal). Drafts are shown with the what-if (how many open deadlines would move, which would come
 * earlier) before they are saved; saving recomputes the open deadlines on the calendar.
 */
@Named
@ViewScoped
public class CalendarEditorBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One day cell of the year view; {@code date} null for the padding before the 1st / after the last day. */
  public record Day(LocalDate date, String kind, String hours, boolean changed) {}

  /** One month of the year view: weeks of seven cells, Monday first. */
  public record Month(int month, List<List<Day>> weeks) {}

  @Inject private BusinessCalendars calendars;
  @Inject private SlaPolicies policies;
  @Inject private ClockRecompute recompute;

  private List<BusinessCalendars.CalendarRef> refs = List.of();
  private String code;
  private String requested;
  private int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
  private CalendarDocument saved;
  private CalendarDocument draft;
  private LocalDate selectedDay;
  private WhatIf whatIf;
  /** The weekly hours being typed, weekday → "09:00-12:00, 13:30-17:30" (blank: closed). */
  private Map<String, String> weeklyText = new LinkedHashMap<>();
  private String breakFrom;
  private String breakTo;
  private transient List<Month> months;

  @PostConstruct
  void load() {
    try {
      refs = calendars.list();
      if (!refs.isEmpty()) {
        open(refs.stream().filter(r -> r.code().startsWith("CN")).findFirst().orElse(refs.get(0)).code());
      }
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** Switches to another calendar, dropping unsaved drafts. */
  public void open(String calendarCode) {
    code = calendarCode;
    saved = calendars.get(calendarCode);
    draft = saved;
    selectedDay = null;
    whatIf = null;
    months = null;
    weeklyText = new LinkedHashMap<>();
    getWeeklyHours().forEach(line -> weeklyText.put(line.getKey(), line.getValue().replace('–', '-')));
  }

  /** The ?code= of a link to one calendar (opened once, on the first request of the view). */
  public void openRequested() {
    if (requested != null && !requested.equals(code) && refs.stream().anyMatch(r -> r.code().equals(requested))) {
      open(requested);
    }
  }

  public void changeCalendar() {
    open(code);
  }

  public void previousYear() {
    year--;
    months = null;
  }

  public void nextYear() {
    year++;
    months = null;
  }

  public List<Month> getMonths() {
    if (months == null && draft != null) {
      BusinessCalendar calendar = draft.toCalendar();
      BusinessCalendar before = saved.toCalendar();
      months = new ArrayList<>();
      for (int m = 1; m <= 12; m++) {
        months.add(month(YearMonth.of(year, m), calendar, before));
      }
    }
    return months;
  }

  private static Month month(YearMonth ym, BusinessCalendar calendar, BusinessCalendar before) {
    List<Day> cells = new ArrayList<>();
    for (int i = 1; i < ym.atDay(1).getDayOfWeek().getValue(); i++) {
      cells.add(new Day(null, "PAD", "", false));
    }
    for (int d = 1; d <= ym.lengthOfMonth(); d++) {
      LocalDate date = ym.atDay(d);
      List<TimeWindow> hours = calendar.hoursOn(date);
      boolean changed = calendar.dayKind(date) != before.dayKind(date) || !hours.equals(before.hoursOn(date));
      cells.add(new Day(date, calendar.dayKind(date).name(), hours.stream().map(w -> w.from() + "–" + w.to()).collect(Collectors.joining(", ")), changed));
    }
    while (cells.size() % 7 != 0) {
      cells.add(new Day(null, "PAD", "", false));
    }
    List<List<Day>> weeks = new ArrayList<>();
    for (int i = 0; i < cells.size(); i += 7) {
      weeks.add(cells.subList(i, i + 7));
    }
    return new Month(ym.getMonthValue(), weeks);
  }

  public void select(LocalDate date) {
    selectedDay = date;
  }

  /** Drafts: the selected date becomes a holiday (closed), even if an override made it worked. */
  public void markHoliday() {
    edit(withoutOverride(withHoliday(draft, selectedDay, true), selectedDay));
  }

  /** Drafts: the selected date is worked (调休) with the hours of a normal Monday (or 09:00–17:00 when Monday is closed). */
  public void markWorkday() {
    List<CalendarDocument.Hours> hours = draft.weeklyHours() == null ? null : draft.weeklyHours().get(DayOfWeek.MONDAY.name());
    if (hours == null || hours.isEmpty()) {
      hours = List.of(new CalendarDocument.Hours("09:00", "17:00"));
    }
    List<CalendarDocument.Workday> workdays = new ArrayList<>(withoutOverride(draft, selectedDay).workdays());
    workdays.add(new CalendarDocument.Workday(selectedDay.toString(), hours));
    CalendarDocument d = withHoliday(draft, selectedDay, false);
    edit(new CalendarDocument(d.code(), d.name(), d.timezone(), d.weeklyHours(), d.holidays(), workdays, d.breaks()));
  }

  /** Drafts: the selected date follows its weekday again (no holiday date, no override, no break). */
  public void markNormal() {
    CalendarDocument d = withoutOverride(withHoliday(draft, selectedDay, false), selectedDay);
    List<CalendarDocument.Break> breaks = (d.breaks() == null ? List.<CalendarDocument.Break>of() : d.breaks()).stream()
        .filter(b -> !b.date().equals(selectedDay.toString())).toList();
    edit(new CalendarDocument(d.code(), d.name(), d.timezone(), d.weeklyHours(), d.holidays(), d.workdays(), breaks));
  }

  /** Drafts the weekly hours as typed ("09:00-12:00, 13:30-17:30" per weekday, blank = closed); bad text names its weekday. */
  public void applyWeekly() {
    Map<String, List<CalendarDocument.Hours>> weekly = new LinkedHashMap<>();
    try {
      for (DayOfWeek day : DayOfWeek.values()) {
        List<CalendarDocument.Hours> hours = new ArrayList<>();
        for (String window : weeklyText.getOrDefault(day.name(), "").split("[,，;；]")) {
          if (window.isBlank()) {
            continue;
          }
          String[] ends = window.strip().split("\\s*[-–~～]\\s*");
          if (ends.length != 2) {
            throw new InvalidInputException("weeklyHours." + day, "invalid-window", "not a window from-to: " + window.strip(), window.strip());
          }
          hours.add(new CalendarDocument.Hours(ends[0], ends[1]));
        }
        if (!hours.isEmpty()) {
          weekly.put(day.name(), hours);
        }
      }
    } catch (InvalidInputException e) {
      Messages.handle(e);
      return;
    }
    edit(new CalendarDocument(draft.code(), draft.name(), draft.timezone(), weekly, draft.holidays(), draft.workdays(), draft.breaks()));
  }

  /** Drafts a closed window on the selected date (e.g. a staff meeting 14:00–15:00). */
  public void addBreak() {
    List<CalendarDocument.Break> breaks = new ArrayList<>(draft.breaks() == null ? List.of() : draft.breaks());
    breaks.add(new CalendarDocument.Break(selectedDay.toString(), breakFrom == null ? null : breakFrom.strip(), breakTo == null ? null : breakTo.strip()));
    edit(new CalendarDocument(draft.code(), draft.name(), draft.timezone(), draft.weeklyHours(), draft.holidays(), draft.workdays(), breaks));
    breakFrom = null;
    breakTo = null;
  }

  /** The breaks of the selected date, as "14:00–15:00". */
  public List<String> getSelectedBreaks() {
    if (selectedDay == null || draft.breaks() == null) {
      return List.of();
    }
    return draft.breaks().stream().filter(b -> b.date().equals(selectedDay.toString())).map(b -> b.from() + "–" + b.to()).toList();
  }

  public void discard() {
    open(code);
  }

  public void save() {
    try {
      calendars.put(code, draft);
      int moved = recompute.calendar(code);
      Messages.info("sla.calendar.saved", draft.name(), moved);
      open(code);
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** Adds the holiday dates of an uploaded iCalendar file (.ics), then recomputes the deadlines on the calendar. */
  public void importFeed(FileUploadEvent event) {
    try {
      String ics = new String(event.getFile().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      BusinessCalendars.HolidayImport imported = calendars.importHolidays(code, ics);
      int moved = imported.added() > 0 ? recompute.calendar(code) : 0;
      Messages.info("sla.calendar.imported", imported.added(), imported.alreadyPresent(), moved);
      open(code);
    } catch (IOException | RuntimeException e) {
      Messages.handle(e);
    }
  }

  private void edit(CalendarDocument proposed) {
    try {
      whatIf = policies.calendarWhatIf(code, proposed);
      draft = proposed;
      months = null;
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  private static CalendarDocument withHoliday(CalendarDocument d, LocalDate date, boolean holiday) {
    List<String> dates = new ArrayList<>(d.holidays() == null || d.holidays().dates() == null ? List.of() : d.holidays().dates());
    dates.remove(date.toString());
    if (holiday) {
      dates.add(date.toString());
    }
    List<String> recurring = d.holidays() == null || d.holidays().recurring() == null ? List.of() : d.holidays().recurring();
    return new CalendarDocument(d.code(), d.name(), d.timezone(), d.weeklyHours(), new CalendarDocument.Holidays(recurring, dates.stream().sorted().toList()),
        d.workdays(), d.breaks());
  }

  private static CalendarDocument withoutOverride(CalendarDocument d, LocalDate date) {
    List<CalendarDocument.Workday> workdays =
        (d.workdays() == null ? List.<CalendarDocument.Workday>of() : d.workdays()).stream().filter(w -> !w.date().equals(date.toString())).toList();
    return new CalendarDocument(d.code(), d.name(), d.timezone(), d.weeklyHours(), d.holidays(), workdays, d.breaks());
  }

  public boolean isDirty() {
    return draft != null && !draft.equals(saved);
  }

  /** The weekly hours as "周一 09:00–12:00, 13:30–17:30" lines, Monday first. */
  public List<Map.Entry<String, String>> getWeeklyHours() {
    List<Map.Entry<String, String>> lines = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<CalendarDocument.Hours> hours = draft == null || draft.weeklyHours() == null ? null : draft.weeklyHours().get(day.name());
      lines.add(Map.entry(day.name(), hours == null || hours.isEmpty() ? "" : hours.stream().map(h -> h.from() + "–" + h.to()).collect(Collectors.joining(", "))));
    }
    return lines;
  }

  public Map<String, String> getWeeklyText() {
    return weeklyText;
  }

  public String getBreakFrom() {
    return breakFrom;
  }

  public void setBreakFrom(String v) {
    breakFrom = v;
  }

  public String getBreakTo() {
    return breakTo;
  }

  public void setBreakTo(String v) {
    breakTo = v;
  }

  public List<BusinessCalendars.CalendarRef> getCalendars() {
    return refs;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public int getYear() {
    return year;
  }

  public void setYear(int year) {
    this.year = year;
    months = null;
  }

  public String getRequested() {
    return requested;
  }

  public void setRequested(String requested) {
    this.requested = requested;
  }

  public CalendarDocument getDraft() {
    return draft;
  }

  public LocalDate getSelectedDay() {
    return selectedDay;
  }

  public String getSelectedKind() {
    return selectedDay == null ? null : draft.toCalendar().dayKind(selectedDay).name();
  }

  public WhatIf getWhatIf() {
    return whatIf;
  }

  public List<String> getKinds() {
    return java.util.Arrays.stream(DayKind.values()).map(Enum::name).toList();
  }
}
