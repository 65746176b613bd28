package org.centralis.sla.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A business calendar as administered and stored: its code (the key SLA policies and branches
 * refer to), a name, and the rules of a {@link BusinessCalendar} spread over child tables, one row
 * per window, holiday or break. Invariant: the rows always form a valid BusinessCalendar, because
 * they are only ever written from one ({@link #create}, {@link #replace}), all at once.
 */
@Entity
@Table(name = "BUSINESS_CALENDAR")
@NamedQuery(name = "CalendarDefinition.findByCode", query = "SELECT c FROM CalendarDefinition c WHERE c.code = :code")
@NamedQuery(name = "CalendarDefinition.findAll", query = "SELECT c FROM CalendarDefinition c ORDER BY c.code")
public class CalendarDefinition {

  @Id
  @SequenceGenerator(name = "BUSINESS_CALENDAR_SEQ", sequenceName = "BUSINESS_CALENDAR_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "BUSINESS_CALENDAR_SEQ")
  private Long id;

  private String code;
  private String name;

  @Column(name = "TIME_ZONE")
  private String timeZone;

  @Column(name = "UPDATED_AT")
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "CALENDAR_WEEKLY_WINDOW", joinColumns = @JoinColumn(name = "CALENDAR_ID"))
  private Set<WeeklyWindow> weeklyWindows = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "CALENDAR_RECURRING_HOLIDAY", joinColumns = @JoinColumn(name = "CALENDAR_ID"))
  @Column(name = "MONTH_DAY")
  private Set<String> recurringHolidays = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "CALENDAR_HOLIDAY_DATE", joinColumns = @JoinColumn(name = "CALENDAR_ID"))
  @Column(name = "HOLIDAY_DATE")
  private Set<LocalDate> holidayDates = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "CALENDAR_WORKDAY_WINDOW", joinColumns = @JoinColumn(name = "CALENDAR_ID"))
  @AttributeOverride(name = "date", column = @Column(name = "WORK_DATE"))
  private Set<DatedWindow> workdayWindows = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "CALENDAR_BREAK", joinColumns = @JoinColumn(name = "CALENDAR_ID"))
  @AttributeOverride(name = "date", column = @Column(name = "BREAK_DATE"))
  private Set<DatedWindow> breaks = new HashSet<>();

  @Version private int version;

  protected CalendarDefinition() {}

  public static CalendarDefinition create(String code, String name, BusinessCalendar calendar, Instant now) {
    CalendarDefinition c = new CalendarDefinition();
    c.code = code;
    c.replace(name, calendar, now);
    return c;
  }

  /** Replaces name and rules; rows that stay the same are kept, so only the difference is written. */
  public void replace(String name, BusinessCalendar calendar, Instant now) {
    this.name = name;
    this.timeZone = calendar.zone().getId();
    this.updatedAt = now;
    Set<WeeklyWindow> weekly = new HashSet<>();
    calendar.weeklyHours().forEach((day, windows) -> windows.forEach(w -> weekly.add(new WeeklyWindow(day, w))));
    Set<String> recurring = new HashSet<>();
    calendar.recurringHolidays().forEach(md -> recurring.add(String.format(Locale.ROOT, "%02d-%02d", md.getMonthValue(), md.getDayOfMonth())));
    Set<DatedWindow> worked = new HashSet<>();
    calendar.workdays().forEach((date, windows) -> windows.forEach(w -> worked.add(new DatedWindow(date, w))));
    Set<DatedWindow> closed = new HashSet<>();
    calendar.breaks().forEach((date, windows) -> windows.forEach(w -> closed.add(new DatedWindow(date, w))));
    sync(weeklyWindows, weekly);
    sync(recurringHolidays, recurring);
    sync(holidayDates, calendar.holidayDates());
    sync(workdayWindows, worked);
    sync(breaks, closed);
  }

  /**
   * Adds holiday dates (an iCalendar import); dates already there are kept. Answers how many were
   * new; the result is validated as a whole (at most 2,000 dated entries).
   */
  public int addHolidayDates(Collection<LocalDate> dates, Instant now) {
    Set<LocalDate> added = new HashSet<>(dates);
    added.removeAll(holidayDates);
    if (added.isEmpty()) {
      return 0;
    }
    holidayDates.addAll(added);
    toBusinessCalendar(); // throws (and the transaction rolls back) when the limit is passed
    this.updatedAt = now;
    return added.size();
  }

  private static <T> void sync(Set<T> stored, Set<T> wanted) {
    stored.retainAll(wanted);
    stored.addAll(wanted);
  }

  /** Rebuilds the calendar from the rows (validating them again, which costs microseconds). */
  public BusinessCalendar toBusinessCalendar() {
    BusinessCalendar.Builder b = BusinessCalendar.in(timeZone);
    weeklyWindows.forEach(w -> b.hours(w.day(), Set.of(w.window())));
    recurringHolidays.forEach(md -> b.recurringHoliday(MonthDay.parse("--" + md)));
    holidayDates.forEach(b::holiday);
    workdayWindows.forEach(w -> b.workday(w.date(), Set.of(w.window())));
    breaks.forEach(w -> b.breakOn(w.date(), w.window()));
    return b.build();
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
