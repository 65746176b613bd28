package org.centralis.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.centralis.shared.domain.InvalidInputException;

/**
 * Working hours, holidays and 调休 of one organisation, and the arithmetic of business time on
 * them: {@link #addWorkingTime} (a deadline) and {@link #workingSecondsBetween} (time used).
 * Immutable; build one with {@link #in(String)}. The semantics are specified in docs/sla.md.
 *
 * <p>Invariants: the windows of a weekday and of a workday override are disjoint (adjacent is
 * fine); an override has at least one window; the breaks of a date are disjoint and each overlaps
 * the working hours of its date. Which hours apply on a local date: the override's if the date is
 * a workday override (调休 wins over holidays and weekends), none if it is a holiday, else the
 * weekday's; then that date's breaks are cut out.
 */
public final class BusinessCalendar {

  /** How far a deadline or a span may reach: five years of at most 366 days. */
  public static final Duration HORIZON = Duration.ofDays(5 * 366);

  /** Instants outside these bounds are rejected rather than computed on a guess of zone rules. */
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");
  /** Copied once: getAvailableZoneIds() builds a new set of ~600 ids on every call. */
  private static final Set<String> IANA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  static final int MAX_WINDOWS_PER_DAY = 48;
  static final int MAX_DATED_ENTRIES = 2_000;

  private final ZoneId zone;
  private final Map<DayOfWeek, List<TimeWindow>> weeklyHours;
  private final NavigableSet<MonthDay> recurringHolidays;
  private final NavigableSet<LocalDate> holidayDates;
  private final NavigableMap<LocalDate, List<TimeWindow>> workdays;
  private final NavigableMap<LocalDate, List<TimeWindow>> breaks;
  private final WorkingTimeline timeline;

  private BusinessCalendar(Builder b) {
    this.zone = b.zone;
    EnumMap<DayOfWeek, List<TimeWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    b.weekly.forEach((day, windows) -> weekly.put(day, disjoint("weeklyHours." + day, windows)));
    weekly.values().removeIf(List::isEmpty);
    this.weeklyHours = Collections.unmodifiableMap(weekly);
    this.recurringHolidays = Collections.unmodifiableNavigableSet(new TreeSet<>(b.recurring));
    this.holidayDates = Collections.unmodifiableNavigableSet(new TreeSet<>(b.dates));
    TreeMap<LocalDate, List<TimeWindow>> overrides = new TreeMap<>();
    b.workdays.forEach(
        (date, windows) -> {
          if (windows.isEmpty()) {
            throw new InvalidInputException(
                "workdays." + date, "empty-workday", "workday " + date + " needs working hours; a closed date is a holiday", "workdays");
          }
          overrides.put(date, disjoint("workdays." + date, windows));
        });
    this.workdays = Collections.unmodifiableNavigableMap(overrides);
    TreeMap<LocalDate, List<TimeWindow>> closed = new TreeMap<>();
    b.breaks.forEach((date, windows) -> closed.put(date, disjoint("breaks." + date, windows)));
    this.breaks = Collections.unmodifiableNavigableMap(closed);
    closed.forEach(this::requireWithinWorkingHours);
    this.timeline = new WorkingTimeline(this, true);
  }

  public static Builder in(ZoneId zone) {
    return new Builder(Objects.requireNonNull(zone, "zone"));
  }

  /** Starts a calendar in an IANA zone such as Asia/Shanghai; anything else is rejected. */
  public static Builder in(String zoneId) {
    if (zoneId == null || !IANA_ZONES.contains(zoneId.trim())) {
      throw new InvalidInputException("timezone", "invalid-timezone", "'" + zoneId + "' is not an IANA time zone such as Asia/Shanghai", "timezone");
    }
    return new Builder(ZoneId.of(zoneId.trim()));
  }

  /**
   * The instant at which {@code seconds} of working time have elapsed after {@code start}: the
   * earliest instant t with {@code workingSecondsBetween(start, t) == seconds}. So a start outside
   * working time counts from the next opening, a deadline on the end of a window stays there, and
   * zero seconds is {@code start} itself. The start is truncated to the second.
   *
   * @throws InvalidInputException for a negative amount or a deadline beyond {@link #HORIZON}
   */
  public Instant addWorkingTime(Instant start, long seconds) {
    long from = epochSecond("start", start);
    if (seconds < 0) {
      throw new InvalidInputException("seconds", "invalid-amount", "seconds must not be negative", "seconds");
    }
    long limit = from + HORIZON.getSeconds();
    OptionalLong deadline = seconds > HORIZON.getSeconds() ? OptionalLong.empty() : timeline.add(from, seconds, limit);
    if (deadline.isEmpty() || deadline.getAsLong() > limit) {
      throw new InvalidInputException(
          "seconds", "beyond-horizon", seconds + " s of working time do not fit in the " + HORIZON.toDays() + " days after " + start, "seconds");
    }
    return Instant.ofEpochSecond(deadline.getAsLong());
  }

  /** {@link #addWorkingTime(Instant, long)} with the amount truncated to whole seconds. */
  public Instant addWorkingTime(Instant start, Duration amount) {
    if (amount == null || amount.isNegative()) {
      throw new InvalidInputException("seconds", "invalid-amount", "the amount must not be negative", "seconds");
    }
    return addWorkingTime(start, amount.getSeconds());
  }

  /** Working seconds in {@code [from, to)}, both truncated to the second; 0 when to ≤ from. */
  public long workingSecondsBetween(Instant from, Instant to) {
    long a = epochSecond("from", from);
    long b = epochSecond("to", to);
    if (b - a > HORIZON.getSeconds()) {
      throw new InvalidInputException("to", "beyond-horizon", "the span from " + from + " to " + to + " exceeds " + HORIZON.toDays() + " days", "to");
    }
    return timeline.between(a, b);
  }

  /** The working windows of a local date: its override's, none on a holiday, else its weekday's; minus its breaks. */
  public List<TimeWindow> hoursOn(LocalDate date) {
    List<TimeWindow> base = hoursBeforeBreaks(date);
    List<TimeWindow> closed = breaks.get(date);
    return closed == null ? base : subtract(base, closed);
  }

  /** What a local date is on this calendar, as the calendar editor's year view colours it. */
  public enum DayKind {
    /** Its weekday's hours. */
    WORKING,
    /** A weekday without hours (a weekend). */
    CLOSED,
    /** A holiday without an override: closed. */
    HOLIDAY,
    /** 调休: an override makes a date worked that its weekday or a holiday would close. */
    MAKEUP_WORKDAY,
    /** An override with other hours on a date that is worked anyway. */
    SPECIAL_HOURS,
    /** Worked, but with a closed window on the date (a break). */
    BREAK
  }

  public DayKind dayKind(LocalDate date) {
    boolean normallyWorked = !isHoliday(date) && !weeklyHours.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty();
    if (workdays.containsKey(date)) {
      return normallyWorked ? DayKind.SPECIAL_HOURS : DayKind.MAKEUP_WORKDAY;
    }
    if (isHoliday(date)) {
      return DayKind.HOLIDAY;
    }
    if (!normallyWorked) {
      return DayKind.CLOSED;
    }
    return breaks.containsKey(date) ? DayKind.BREAK : DayKind.WORKING;
  }

  /** A holiday by date or by recurring month-day (a workday override on it still works). */
  public boolean isHoliday(LocalDate date) {
    return holidayDates.contains(date) || (!recurringHolidays.isEmpty() && recurringHolidays.contains(MonthDay.from(date)));
  }

  private List<TimeWindow> hoursBeforeBreaks(LocalDate date) {
    List<TimeWindow> override = workdays.get(date);
    if (override != null) {
      return override;
    }
    return isHoliday(date) ? List.of() : weeklyHours.getOrDefault(date.getDayOfWeek(), List.of());
  }

  private static List<TimeWindow> subtract(List<TimeWindow> windows, List<TimeWindow> closed) {
    List<TimeWindow> open = new ArrayList<>();
    for (TimeWindow w : windows) {
      int from = w.fromMinute();
      for (TimeWindow c : closed) {
        if (c.toMinute() <= from || c.fromMinute() >= w.toMinute()) {
          continue;
        }
        if (c.fromMinute() > from) {
          open.add(new TimeWindow(from, c.fromMinute()));
        }
        from = Math.max(from, c.toMinute());
      }
      if (from < w.toMinute()) {
        open.add(new TimeWindow(from, w.toMinute()));
      }
    }
    return open;
  }

  private void requireWithinWorkingHours(LocalDate date, List<TimeWindow> closed) {
    List<TimeWindow> hours = hoursBeforeBreaks(date);
    for (TimeWindow c : closed) {
      if (hours.stream().noneMatch(c::overlaps)) {
        throw new InvalidInputException(
            "breaks." + date, "break-outside-working-hours", "the break " + c + " on " + date + " is outside that date's working hours " + hours, "breaks");
      }
    }
  }

  private static List<TimeWindow> disjoint(String field, Collection<TimeWindow> windows) {
    if (windows.size() > MAX_WINDOWS_PER_DAY) {
      throw new InvalidInputException(field, "too-many-windows", field + ": at most " + MAX_WINDOWS_PER_DAY + " windows a day", field);
    }
    List<TimeWindow> sorted = new ArrayList<>(windows);
    Collections.sort(sorted);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        throw new InvalidInputException(field, "overlapping-windows", field + ": " + sorted.get(i - 1) + " overlaps " + sorted.get(i), field);
      }
    }
    return List.copyOf(sorted);
  }

  private static long epochSecond(String field, Instant instant) {
    if (instant == null || instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
      throw new InvalidInputException(field, "invalid-instant", field + " must be an instant from " + EARLIEST + " to before " + LATEST, field);
    }
    return instant.truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
  }

  public ZoneId zone() {
    return zone;
  }

  /** Windows per weekday, sorted; a closed weekday is absent. */
  public Map<DayOfWeek, List<TimeWindow>> weeklyHours() {
    return weeklyHours;
  }

  public NavigableSet<MonthDay> recurringHolidays() {
    return recurringHolidays;
  }

  public NavigableSet<LocalDate> holidayDates() {
    return holidayDates;
  }

  /** 调休: dates worked whatever the weekday or holiday, with their own windows. */
  public NavigableMap<LocalDate, List<TimeWindow>> workdays() {
    return workdays;
  }

  public NavigableMap<LocalDate, List<TimeWindow>> breaks() {
    return breaks;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar c
        && zone.equals(c.zone)
        && weeklyHours.equals(c.weeklyHours)
        && recurringHolidays.equals(c.recurringHolidays)
        && holidayDates.equals(c.holidayDates)
        && workdays.equals(c.workdays)
        && breaks.equals(c.breaks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, weeklyHours, recurringHolidays, holidayDates, workdays, breaks);
  }

  /** A one-line summary, also what the audit trail records before and after a change. */
  @Override
  public String toString() {
    int windows = weeklyHours.values().stream().mapToInt(List::size).sum();
    return zone + "; " + weeklyHours.size() + " open weekdays, " + windows + " weekly windows; holidays "
        + recurringHolidays.size() + " recurring + " + holidayDates.size() + " dates; "
        + workdays.size() + " workdays; " + breaks.values().stream().mapToInt(List::size).sum() + " breaks";
  }

  /** Collects a calendar's rules; {@link #build()} checks them and names the offending field. */
  public static final class Builder {

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    private final Set<MonthDay> recurring = new TreeSet<>();
    private final Set<LocalDate> dates = new TreeSet<>();
    private final Map<LocalDate, List<TimeWindow>> workdays = new TreeMap<>();
    private final Map<LocalDate, List<TimeWindow>> breaks = new TreeMap<>();

    private Builder(ZoneId zone) {
      this.zone = zone;
    }

    public Builder hours(DayOfWeek day, Collection<TimeWindow> windows) {
      weekly.computeIfAbsent(day, d -> new ArrayList<>()).addAll(windows);
      return this;
    }

    /** Shorthand: the same windows ("09:00-12:00") on each given weekday. */
    public Builder hours(Set<DayOfWeek> days, String... windows) {
      List<TimeWindow> parsed = Arrays.stream(windows).map(TimeWindow::of).toList();
      days.forEach(day -> hours(day, parsed));
      return this;
    }

    public Builder recurringHoliday(MonthDay monthDay) {
      recurring.add(monthDay);
      return this;
    }

    public Builder holiday(LocalDate date) {
      dates.add(date);
      return this;
    }

    /** A 调休 working day (or any date worked outside the weekly pattern) with its windows. */
    public Builder workday(LocalDate date, Collection<TimeWindow> windows) {
      workdays.computeIfAbsent(date, d -> new ArrayList<>()).addAll(windows);
      return this;
    }

    /** A closed window on one date (a staff meeting, a system cut-over). */
    public Builder breakOn(LocalDate date, TimeWindow window) {
      breaks.computeIfAbsent(date, d -> new ArrayList<>()).add(window);
      return this;
    }

    public BusinessCalendar build() {
      limit("holidays.recurring", recurring.size());
      limit("holidays.dates", dates.size());
      limit("workdays", workdays.size());
      limit("breaks", breaks.values().stream().mapToInt(List::size).sum());
      return new BusinessCalendar(this);
    }

    private static void limit(String field, int size) {
      if (size > MAX_DATED_ENTRIES) {
        throw new InvalidInputException(field, "too-many-entries", field + ": at most " + MAX_DATED_ENTRIES + " entries", field);
      }
    }
  }
}
