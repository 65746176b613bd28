package org.centralis.complaint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegulatorDeadlineTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final List<RegulatorDeadline.Rule> RULES =
      List.of(
          new RegulatorDeadline.Rule(null, null, 15),
          new RegulatorDeadline.Rule(null, Severity.CRITICAL, 7),
          new RegulatorDeadline.Rule("MIS", null, 10),
          new RegulatorDeadline.Rule("MIS", Severity.CRITICAL, 5));

  @Test
  void theMostSpecificRuleWins() {
    assertEquals(15, RegulatorDeadline.calendarDays(RULES, "FEE", Severity.MINOR));
    assertEquals(7, RegulatorDeadline.calendarDays(RULES, "FEE", Severity.CRITICAL));
    assertEquals(10, RegulatorDeadline.calendarDays(RULES, "MIS", Severity.MAJOR));
    assertEquals(5, RegulatorDeadline.calendarDays(RULES, "MIS", Severity.CRITICAL));
  }

  @Test
  void noMatchingRuleIsAConfigurationError() {
    assertThrows(IllegalStateException.class, () -> RegulatorDeadline.calendarDays(List.of(new RegulatorDeadline.Rule("MIS", null, 10)), "FEE", Severity.MINOR));
    assertThrows(IllegalArgumentException.class, () -> new RegulatorDeadline.Rule(null, null, 0));
  }

  @Test
  void calendarDaysCountWeekendsAndHolidaysAndEndAtMidnightInTheServiceZone() {
    // Logged on Wed 2026-09-30 23:30 Shanghai (15:30 UTC): National Day week counts like any other days.
    Instant intake = Instant.parse("2026-09-30T15:30:00Z");
    assertEquals(Instant.parse("2026-10-15T15:59:59.999Z"), RegulatorDeadline.due(intake, 15, SHANGHAI));
    // 00:10 Shanghai on 1 Oct is the next local day, although it is still 30 Sep in UTC.
    assertEquals(Instant.parse("2026-10-16T15:59:59.999Z"), RegulatorDeadline.due(Instant.parse("2026-09-30T16:10:00Z"), 15, SHANGHAI));
  }
}
