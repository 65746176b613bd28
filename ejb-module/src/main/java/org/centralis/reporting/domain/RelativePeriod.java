package org.centralis.reporting.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a scheduled run covers, relative to the local date it fires on: always a complete period that has ended,
 * so that a report read on Monday morning covers all of last week and re-runs give the same figures.
 */
public enum RelativePeriod {
  PREVIOUS_DAY,
  /** Monday to Sunday of the ISO week before. */
  PREVIOUS_WEEK,
  PREVIOUS_MONTH,
  PREVIOUS_QUARTER,
  PREVIOUS_YEAR;

  /** Both days inclusive. */
  public record Days(LocalDate from, LocalDate to) {

    /** Identifies the period: one firing per schedule and key. */
    public String key() {
      return from + "/" + to;
    }
  }

  public Days resolve(LocalDate firingDate) {
    return switch (this) {
      case PREVIOUS_DAY -> new Days(firingDate.minusDays(1), firingDate.minusDays(1));
      case PREVIOUS_WEEK -> {
        LocalDate monday = firingDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        yield new Days(monday, monday.plusDays(6));
      }
      case PREVIOUS_MONTH -> {
        LocalDate first = firingDate.withDayOfMonth(1).minusMonths(1);
        yield new Days(first, first.with(TemporalAdjusters.lastDayOfMonth()));
      }
      case PREVIOUS_QUARTER -> {
        LocalDate first = firingDate.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3);
        yield new Days(first, first.plusMonths(3).minusDays(1));
      }
      case PREVIOUS_YEAR -> {
        LocalDate first = firingDate.withDayOfYear(1).minusYears(1);
        yield new Days(first, first.with(TemporalAdjusters.lastDayOfYear()));
      }
    };
  }
}
