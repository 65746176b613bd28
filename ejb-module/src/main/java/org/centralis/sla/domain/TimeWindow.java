package org.centralis.sla.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.centralis.shared.domain.InvalidInputException;

/**
 * A half-open span of local clock time on one day, {@code [from, to)}, in whole minutes: a working
 * window or a break. {@code to} may be {@code 24:00}, the end of the day, which no {@code
 * LocalTime} can express; so the window counts minutes from midnight (0..1440).
 */
public record TimeWindow(int fromMinute, int toMinute) implements Comparable<TimeWindow> {

  public static final int DAY_MINUTES = 24 * 60;
  private static final Pattern HH_MM = Pattern.compile("(\\d{2}):(\\d{2})");

  public TimeWindow {
    if (fromMinute < 0 || toMinute > DAY_MINUTES || fromMinute >= toMinute) {
      throw new IllegalArgumentException("not a window within one day: " + fromMinute + ".." + toMinute);
    }
  }

  /** Parses "HH:MM" bounds ({@code to} may be "24:00"); a bad value names {@code field}. */
  public static TimeWindow parse(String field, String from, String to) {
    int f = minuteOfDay(field, from, false);
    int t = minuteOfDay(field, to, true);
    if (f >= t) {
      throw new InvalidInputException(field, "invalid-time-window", field + ": from " + from + " must be before to " + to, field);
    }
    return new TimeWindow(f, t);
  }

  /** Test and reference-data shorthand: "09:00-12:00". */
  public static TimeWindow of(String fromDashTo) {
    String[] bounds = fromDashTo.split("-", 2);
    return parse("window", bounds[0], bounds.length > 1 ? bounds[1] : null);
  }

  private static int minuteOfDay(String field, String text, boolean endOfDayAllowed) {
    Matcher m = text == null ? null : HH_MM.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new InvalidInputException(field, "invalid-time", field + ": '" + text + "' is not a time HH:MM", field);
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    boolean endOfDay = hour == 24 && minute == 0;
    if (minute > 59 || hour > 24 || (hour == 24 && !endOfDay) || (endOfDay && !endOfDayAllowed)) {
      throw new InvalidInputException(
          field, "invalid-time", field + ": '" + text + "' is not a time from 00:00 to 23:59" + (endOfDayAllowed ? " or 24:00" : ""), field);
    }
    return hour * 60 + minute;
  }

  public int minutes() {
    return toMinute - fromMinute;
  }

  public boolean overlaps(TimeWindow other) {
    return fromMinute < other.toMinute && other.fromMinute < toMinute;
  }

  public String from() {
    return format(fromMinute);
  }

  public String to() {
    return format(toMinute);
  }

  static String format(int minuteOfDay) {
    return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  }

  @Override
  public int compareTo(TimeWindow other) {
    return fromMinute != other.fromMinute ? Integer.compare(fromMinute, other.fromMinute) : Integer.compare(toMinute, other.toMinute);
  }

  @Override
  public String toString() {
    return from() + "-" + to();
  }
}
