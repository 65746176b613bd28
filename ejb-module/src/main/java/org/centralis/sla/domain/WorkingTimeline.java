package org.centralis.sla.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * A calendar's working time laid out on the real time line, in epoch seconds. Each local date's
 * windows become instant intervals; local times are resolved with {@link #instantOf}, which is
 * monotonic, so the intervals of a date stay ordered and adjacent windows (and days) still meet.
 *
 * <p>Fast path: a week [d, d+7) with no holiday, override or break and no offset change has
 * exactly the weekly pattern's working seconds, so whole weeks are skipped. Everything else walks
 * day by day. Tests compare both paths; loops are bounded by the caller's limit or span.
 */
final class WorkingTimeline {

  private static final int DAY_SECONDS = 86_400;

  private final BusinessCalendar calendar;
  private final ZoneRules rules;
  private final boolean fastPath;
  private final long weekSeconds;
  private final NavigableSet<LocalDate> irregularDates = new TreeSet<>();

  WorkingTimeline(BusinessCalendar calendar, boolean fastPath) {
    this.calendar = calendar;
    this.rules = calendar.zone().getRules();
    this.fastPath = fastPath;
    this.weekSeconds = 60L * calendar.weeklyHours().values().stream().flatMap(List::stream).mapToInt(TimeWindow::minutes).sum();
    irregularDates.addAll(calendar.holidayDates());
    irregularDates.addAll(calendar.workdays().keySet());
    irregularDates.addAll(calendar.breaks().keySet());
  }

  /** The epoch second at which {@code seconds} (> 0) of working time after {@code start} have elapsed; empty past {@code limit}. */
  OptionalLong add(long start, long seconds, long limit) {
    if (seconds == 0) {
      return OptionalLong.of(start);
    }
    long remaining = seconds;
    long cursor = start;
    LocalDate day = dateOf(start).minusDays(1); // a day before, in case an overlap put start before its date's midnight
    while (true) {
      long dayStart = instantOf(day, 0);
      if (fastPath && cursor <= dayStart) {
        while (remaining > weekSeconds && dayStart <= limit && isRegularWeek(day)) {
          remaining -= weekSeconds;
          day = day.plusDays(7);
          dayStart = instantOf(day, 0);
          cursor = dayStart;
        }
      }
      if (dayStart > limit) {
        return OptionalLong.empty();
      }
      for (TimeWindow w : calendar.hoursOn(day)) {
        long end = instantOf(day, w.toMinute() * 60);
        if (end <= cursor) {
          continue;
        }
        long from = Math.max(instantOf(day, w.fromMinute() * 60), cursor);
        if (end - from >= remaining) {
          return OptionalLong.of(from + remaining);
        }
        remaining -= end - from;
        cursor = end;
      }
      day = day.plusDays(1);
    }
  }

  /** Working seconds in [from, to). */
  long between(long from, long to) {
    if (to <= from) {
      return 0;
    }
    long total = 0;
    LocalDate last = dateOf(to).plusDays(1);
    for (LocalDate day = dateOf(from).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      while (fastPath && instantOf(day, 0) >= from && instantOf(day.plusDays(7), 0) <= to && isRegularWeek(day)) {
        total += weekSeconds;
        day = day.plusDays(7);
      }
      for (TimeWindow w : calendar.hoursOn(day)) {
        long lo = Math.max(instantOf(day, w.fromMinute() * 60), from);
        long hi = Math.min(instantOf(day, w.toMinute() * 60), to);
        if (hi > lo) {
          total += hi - lo;
        }
      }
    }
    return total;
  }

  /**
   * The instant of a local time on a date; {@code secondOfDay} 86400 is the next day's start.
   * A time that occurs twice (clocks set back) resolves to its first occurrence; a time that
   * does not exist (clocks set forward) resolves to the moment of the jump. Both rules keep the
   * mapping monotonic: a later local time never maps to an earlier instant.
   */
  long instantOf(LocalDate date, int secondOfDay) {
    if (secondOfDay == DAY_SECONDS) {
      return instantOf(date.plusDays(1), 0);
    }
    LocalDateTime local = date.atStartOfDay().plusSeconds(secondOfDay);
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant().getEpochSecond();
    }
    long earliest = Long.MAX_VALUE;
    for (ZoneOffset offset : offsets) {
      earliest = Math.min(earliest, local.toEpochSecond(offset));
    }
    return earliest;
  }

  private LocalDate dateOf(long epochSecond) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), calendar.zone());
  }

  /** True if [day, day+7) follows the weekly pattern exactly, at one constant UTC offset. */
  private boolean isRegularWeek(LocalDate day) {
    LocalDate end = day.plusDays(7);
    LocalDate irregular = irregularDates.ceiling(day);
    if (irregular != null && irregular.isBefore(end)) {
      return false;
    }
    if (!calendar.recurringHolidays().isEmpty()) {
      for (LocalDate d = day; d.isBefore(end); d = d.plusDays(1)) {
        if (calendar.recurringHolidays().contains(MonthDay.from(d))) {
          return false;
        }
      }
    }
    if (rules.isFixedOffset()) {
      return true;
    }
    // From just before the week's first midnight: a jump at that very midnight also disqualifies it.
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(instantOf(day, 0) - 1));
    return next == null || next.getInstant().getEpochSecond() >= instantOf(end, 0);
  }
}
