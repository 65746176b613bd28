package org.centralis.reporting.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A five-field cron expression — minute, hour, day of month, month, day of week — read in a time zone, optionally
 * bound to the working days of a business calendar. Fields take {@code *}, numbers, ranges {@code a-b}, lists
 * {@code a,b} and steps {@code * /n} or {@code a-b/n}; day of week is 0–7 (0 and 7 Sunday) or MON…SUN; month 1–12 or
 * JAN…DEC. As in Vixie cron, when both day fields are restricted a day matching either one fires.
 *
 * <p>Time-zone rules: a local time that does not exist (the spring-forward gap) fires at the instant the gap ends; a
 * local time that occurs twice (fall back) fires at its first occurrence only.
 *
 * <p>Working days: when a firing's local date is not a working day of the calendar, it moves to the next working day at
 * the same local time (a monthly report due on National Day comes on the first working day after). Firings that land
 * on the same instant are one firing.
 */
public final class CronSchedule {

  /** How far ahead a firing is searched: an expression such as "0 0 30 2 *" never fires and is refused. */
  private static final int SEARCH_DAYS = 5 * 366;

  /** The longest run of non-working days a firing may be moved over (Spring Festival with its weekends is ~9). */
  private static final int MAX_SHIFT_DAYS = 31;

  private static final Map<String, Integer> DAY_NAMES =
      Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4, "FRI", 5, "SAT", 6);
  private static final Map<String, Integer> MONTH_NAMES =
      Map.ofEntries(
          Map.entry("JAN", 1), Map.entry("FEB", 2), Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6),
          Map.entry("JUL", 7), Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));

  private final String expression;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domRestricted;
  private final boolean dowRestricted;

  private CronSchedule(String expression, String[] f) {
    this.expression = expression;
    this.minutes = field("minute", f[0], 0, 59, Map.of());
    this.hours = field("hour", f[1], 0, 23, Map.of());
    this.daysOfMonth = field("day of month", f[2], 1, 31, Map.of());
    this.months = field("month", f[3], 1, 12, MONTH_NAMES);
    BitSet dow = field("day of week", f[4], 0, 7, DAY_NAMES);
    if (dow.get(7)) {
      dow.set(0);
    }
    this.daysOfWeek = dow;
    this.domRestricted = !f[2].equals("*");
    this.dowRestricted = !f[4].equals("*");
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong, or when the expression never fires
   */
  public static CronSchedule parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a cron expression has five fields: minute hour day-of-month month day-of-week");
    }
    String normalized = expression.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    String[] fields = normalized.split(" ");
    if (fields.length != 5) {
      throw new IllegalArgumentException("a cron expression has five fields: minute hour day-of-month month day-of-week; got " + fields.length);
    }
    CronSchedule cron = new CronSchedule(normalized, fields);
    if (cron.nextRaw(LocalDate.of(2000, 1, 1), SEARCH_DAYS * 2) == null) {
      throw new IllegalArgumentException("the expression " + normalized + " never fires");
    }
    return cron;
  }

  /** The first firing strictly after {@code after}, in {@code zone}, on the working days {@code working} accepts. */
  public Instant nextAfter(Instant after, ZoneId zone, Predicate<LocalDate> working) {
    Objects.requireNonNull(after);
    Objects.requireNonNull(zone);
    // A raw firing up to MAX_SHIFT_DAYS before `after` may have moved past it, so the scan starts that far back.
    LocalDate date = LocalDate.ofInstant(after, zone).minusDays(MAX_SHIFT_DAYS);
    for (int i = 0; i < SEARCH_DAYS + MAX_SHIFT_DAYS; i++, date = date.plusDays(1)) {
      if (!matchesDate(date)) {
        continue;
      }
      LocalDate fireDate = shift(date, working);
      for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
          Instant at = ZonedDateTime.ofLocal(LocalDateTime.of(fireDate, LocalTime.of(h, m)), zone, null).toInstant();
          if (at.isAfter(after) && !repeatedByFallBack(fireDate, h, m, zone, at)) {
            return at;
          }
        }
      }
    }
    throw new IllegalStateException("no firing of " + expression + " within " + SEARCH_DAYS + " days after " + after);
  }

  public Instant nextAfter(Instant after, ZoneId zone) {
    return nextAfter(after, zone, d -> true);
  }

  @Override
  public String toString() {
    return expression;
  }

  private LocalDate shift(LocalDate date, Predicate<LocalDate> working) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SHIFT_DAYS && !working.test(d); i++) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The later of the two instants of an ambiguous local time is not a firing of its own. */
  private static boolean repeatedByFallBack(LocalDate date, int h, int m, ZoneId zone, Instant at) {
    LocalDateTime local = LocalDateTime.of(date, LocalTime.of(h, m));
    return zone.getRules().getValidOffsets(local).size() == 2
        && !at.equals(ZonedDateTime.ofLocal(local, zone, zone.getRules().getValidOffsets(local).get(0)).toInstant());
  }

  private LocalDate nextRaw(LocalDate from, int days) {
    LocalDate d = from;
    for (int i = 0; i < days; i++, d = d.plusDays(1)) {
      if (matchesDate(d)) {
        return d;
      }
    }
    return null;
  }

  boolean matchesDate(LocalDate d) {
    if (!months.get(d.getMonthValue())) {
      return false;
    }
    boolean dom = daysOfMonth.get(d.getDayOfMonth());
    boolean dow = daysOfWeek.get(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue());
    if (domRestricted && dowRestricted) {
      return dom || dow;
    }
    return dom && dow;
  }

  private static BitSet field(String name, String text, int min, int max, Map<String, Integer> names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",", -1)) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = number(name, part.substring(slash + 1), 1, max, Map.of());
        range = part.substring(0, slash);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.indexOf('-') > 0) {
        from = number(name, range.substring(0, range.indexOf('-')), min, max, names);
        to = number(name, range.substring(range.indexOf('-') + 1), min, max, names);
        if (from > to) {
          throw new IllegalArgumentException("the " + name + " range " + range + " runs backwards");
        }
      } else {
        from = number(name, range, min, max, names);
        to = slash >= 0 ? max : from;
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int number(String name, String text, int min, int max, Map<String, Integer> names) {
    Integer named = names.get(text);
    if (named != null) {
      return named;
    }
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > max) {
        throw new IllegalArgumentException("the " + name + " " + v + " is outside " + min + "–" + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the " + name + " field has '" + text + "', not a number" + (names.isEmpty() ? "" : " or a name"));
    }
  }
}
