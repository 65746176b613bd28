package org.centralis.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativePeriodTest {

  @ParameterizedTest(name = "{0} fired {1} → {2}..{3}")
  @CsvSource({
    "PREVIOUS_DAY,     2026-03-01, 2026-02-28, 2026-02-28",
    "PREVIOUS_WEEK,    2026-11-30, 2026-11-23, 2026-11-29",
    "PREVIOUS_WEEK,    2026-11-29, 2026-11-16, 2026-11-22",
    "PREVIOUS_MONTH,   2026-01-08, 2025-12-01, 2025-12-31",
    "PREVIOUS_MONTH,   2028-03-01, 2028-02-01, 2028-02-29",
    "PREVIOUS_QUARTER, 2026-11-25, 2026-07-01, 2026-09-30",
    "PREVIOUS_QUARTER, 2026-01-02, 2025-10-01, 2025-12-31",
    "PREVIOUS_YEAR,    2026-01-01, 2025-01-01, 2025-12-31",
  })
  void resolvesACompletePeriodThatHasEnded(RelativePeriod period, LocalDate fired, LocalDate from, LocalDate to) {
    RelativePeriod.Days days = period.resolve(fired);
    assertEquals(from, days.from());
    assertEquals(to, days.to());
    assertEquals(from + "/" + to, days.key());
  }
}
