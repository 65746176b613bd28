package org.centralis.reporting.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A report period and the two it is compared with (docs/metrics.md): the previous period of the same length and the
 * same dates one year earlier. A period of whole calendar months compares with the same number of whole months (March
 * against February, not against the 31 days before it); any other period with the same number of days just before it.
 */
public record ComparisonPeriods(Period current, Period previous, Period lastYear) {

  /** Calendar days, both inclusive (China Standard Time dates). */
  public record Period(LocalDate from, LocalDate to) {
    public Period {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("period ends before it starts: " + from + " — " + to);
      }
    }
  }

  public static ComparisonPeriods of(LocalDate from, LocalDate to) {
    Period current = new Period(from, to);
    if (wholeMonths(from, to)) {
      long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
      LocalDate previousFrom = from.minusMonths(months);
      LocalDate lastYearFrom = from.minusYears(1);
      return new ComparisonPeriods(current, new Period(previousFrom, from.minusDays(1)),
          new Period(lastYearFrom, lastYearFrom.plusMonths(months).minusDays(1)));
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return new ComparisonPeriods(current, new Period(from.minusDays(days), from.minusDays(1)), new Period(from.minusYears(1), to.minusYears(1)));
  }

  /** The calendar month of {@code day}, compared like any whole month (the dashboard's period). */
  public static ComparisonPeriods monthOf(LocalDate day) {
    LocalDate first = day.withDayOfMonth(1);
    return of(first, first.plusMonths(1).minusDays(1));
  }

  private static boolean wholeMonths(LocalDate from, LocalDate to) {
    return from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
  }
}
