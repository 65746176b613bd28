package org.centralis.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant at(String local, ZoneId zone) {
    return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  private static String next(String cron, String afterLocal, ZoneId zone) {
    return CronSchedule.parse(cron).nextAfter(at(afterLocal, zone), zone).atZone(zone).toLocalDateTime().toString();
  }

  @ParameterizedTest(name = "{0} after {1} → {2}")
  @CsvSource({
    // every day at 07:00
    "'0 7 * * *',   2026-11-25T06:59, 2026-11-25T07:00",
    "'0 7 * * *',   2026-11-25T07:00, 2026-11-26T07:00",
    // Mondays at 07:30 (2026-11-30 is a Monday); 1 and MON are the same
    "'30 7 * * 1',  2026-11-25T12:00, 2026-11-30T07:30",
    "'30 7 * * MON', 2026-11-25T12:00, 2026-11-30T07:30",
    // Sunday as 0 and as 7
    "'0 9 * * 0',   2026-11-25T00:00, 2026-11-29T09:00",
    "'0 9 * * 7',   2026-11-25T00:00, 2026-11-29T09:00",
    // first of the month at 06:00, across a year end
    "'0 6 1 * *',   2026-12-01T06:00, 2027-01-01T06:00",
    // ranges, lists and steps
    "'*/15 9-10 * * *', 2026-11-25T09:50, 2026-11-25T10:00",
    "'0 8,12,18 * * *', 2026-11-25T12:00, 2026-11-25T18:00",
    "'5/20 * * * *', 2026-11-25T09:26, 2026-11-25T09:45",
    "'0 0 * JAN-MAR *', 2026-11-25T00:00, 2027-01-01T00:00",
    // day of month and day of week both restricted: either matches (Vixie cron)
    "'0 7 13 * 5',  2026-11-25T00:00, 2026-11-27T07:00",
    // 29 February: the next leap year
    "'0 0 29 2 *',  2026-11-25T00:00, 2028-02-29T00:00",
  })
  void nextFiring(String cron, String after, String expected) {
    assertEquals(expected, next(cron, after, SHANGHAI));
  }

  @Test
  void aLocalTimeInTheSpringForwardGapFiresWhenTheGapEnds() {
    // Berlin, 2026-03-29: 02:00 → 03:00. 02:30 does not exist that day.
    Instant fired = CronSchedule.parse("30 2 * * *").nextAfter(at("2026-03-29T00:00", BERLIN), BERLIN);
    assertEquals(ZonedDateTime.parse("2026-03-29T03:30+02:00[Europe/Berlin]").toInstant(), fired);
  }

  @Test
  void aLocalTimeThatOccursTwiceFiresOnceAtItsFirstOccurrence() {
    // Berlin, 2026-10-25: 03:00 → 02:00, so 02:30 happens at +02:00 and again at +01:00.
    CronSchedule cron = CronSchedule.parse("30 2 * * *");
    Instant first = cron.nextAfter(at("2026-10-25T00:00", BERLIN), BERLIN);
    assertEquals(ZonedDateTime.parse("2026-10-25T02:30+02:00").toInstant(), first);
    Instant second = cron.nextAfter(first, BERLIN);
    assertEquals(ZonedDateTime.parse("2026-10-26T02:30+01:00").toInstant(), second, "not again at 02:30+01:00 the same night");
  }

  @Test
  void aFiringOnANonWorkingDayMovesToTheNextWorkingDay() {
    // National Day week 2026: 1–7 October off; Sunday 2026-09-27 and Saturday 2026-10-10 are make-up working days (调休).
    Set<LocalDate> off = Set.of(
        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4),
        LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    Set<LocalDate> makeUp = Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10));
    Predicate<LocalDate> working =
        d -> makeUp.contains(d) || (!off.contains(d) && d.getDayOfWeek().getValue() <= 5);
    CronSchedule monthly = CronSchedule.parse("0 7 1 * *");
    Instant fired = monthly.nextAfter(at("2026-09-30T12:00", SHANGHAI), SHANGHAI, working);
    assertEquals(at("2026-10-08T07:00", SHANGHAI), fired, "1 October is a holiday: the monthly report comes on the 8th");

    CronSchedule daily = CronSchedule.parse("0 7 * * *");
    assertEquals(at("2026-09-27T07:00", SHANGHAI), daily.nextAfter(at("2026-09-26T08:00", SHANGHAI), SHANGHAI, working), "the make-up Sunday works");
    Instant afterHoliday = daily.nextAfter(at("2026-09-30T08:00", SHANGHAI), SHANGHAI, working);
    assertEquals(at("2026-10-08T07:00", SHANGHAI), afterHoliday, "the holiday's firings collapse into one on the 8th");
    assertEquals(at("2026-10-09T07:00", SHANGHAI), daily.nextAfter(afterHoliday, SHANGHAI, working));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0 7 * *", "0 7 * * * *", "60 7 * * *", "0 24 * * *", "0 7 0 * *", "0 7 * 13 *", "0 7 * * 8", "0 7 * * FUN", "0 7-5 * * *", "x 7 * * *", "0 0 30 2 *", "*/0 * * * *"})
  void badExpressionsAreRefusedWithTheirReason(String cron) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse(cron));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
  }

  @Test
  void everyMinuteFiresEveryMinute() {
    CronSchedule cron = CronSchedule.parse("* * * * *");
    Instant t = Instant.parse("2026-11-25T01:02:03Z");
    assertEquals(Instant.parse("2026-11-25T01:03:00Z"), cron.nextAfter(t, SHANGHAI));
  }
}
