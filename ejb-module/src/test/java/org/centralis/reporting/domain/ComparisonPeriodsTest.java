package org.centralis.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.centralis.reporting.domain.ComparisonPeriods.Period;
import org.junit.jupiter.api.Test;

class ComparisonPeriodsTest {

  private static Period p(String from, String to) {
    return new Period(LocalDate.parse(from), LocalDate.parse(to));
  }

  @Test
  void aMonthComparesWithThePreviousMonthAndTheSameMonthLastYear() {
    ComparisonPeriods march = ComparisonPeriods.of(LocalDate.parse("2028-03-01"), LocalDate.parse("2028-03-31"));
    assertEquals(p("2028-02-01", "2028-02-29"), march.previous(), "the whole of February, not the 31 days before March");
    assertEquals(p("2027-03-01", "2027-03-31"), march.lastYear());
    ComparisonPeriods leapFebruary = ComparisonPeriods.of(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-02-29"));
    assertEquals(p("2027-02-01", "2027-02-28"), leapFebruary.lastYear());
    ComparisonPeriods quarter = ComparisonPeriods.of(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30"));
    assertEquals(p("2026-01-01", "2026-03-31"), quarter.previous());
    assertEquals(ComparisonPeriods.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")), ComparisonPeriods.monthOf(LocalDate.parse("2026-11-26")));
  }

  @Test
  void otherPeriodsCompareWithTheSameNumberOfDaysBefore() {
    ComparisonPeriods week = ComparisonPeriods.of(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22"));
    assertEquals(p("2026-11-09", "2026-11-15"), week.previous());
    assertEquals(p("2025-11-16", "2025-11-22"), week.lastYear());
    assertThrows(IllegalArgumentException.class, () -> ComparisonPeriods.of(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-15")));
  }
}
