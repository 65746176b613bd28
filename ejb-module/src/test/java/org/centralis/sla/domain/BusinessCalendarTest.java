package org.centralis.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-checked business time. Instants are written with the offset a clock in the calendar's zone
 * shows, so a DST change is visible in the expected value. The calendars are in {@link Calendars}:
 * BANK is Mon–Fri 09:00–12:00 + 13:30–17:30 in Asia/Shanghai; 2026-03-02 is a Monday.
 */
class BusinessCalendarTest {

  @ParameterizedTest(name = "{0}: {1} + {2} = {3} — {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # calendar  | start                         | working time | deadline                    | why
          BANK        | 2026-03-02T09:00+08:00        | PT1H         | 2026-03-02T10:00+08:00      | inside the morning window
          BANK        | 2026-03-02T08:00+08:00        | PT1H         | 2026-03-02T10:00+08:00      | a start before opening counts from 09:00
          BANK        | 2026-03-02T09:00+08:00        | PT3H         | 2026-03-02T12:00+08:00      | lands on the window's end and stays there
          BANK        | 2026-03-02T11:00+08:00        | PT1H         | 2026-03-02T12:00+08:00      | the rest of the morning exactly: 12:00, not 13:30
          BANK        | 2026-03-02T11:00+08:00        | PT1H0M1S     | 2026-03-02T13:30:01+08:00   | one second more goes into the afternoon
          BANK        | 2026-03-02T12:30+08:00        | PT1H         | 2026-03-02T14:30+08:00      | a start in the lunch break counts from 13:30
          BANK        | 2026-03-02T12:00+08:00        | PT1S         | 2026-03-02T13:30:01+08:00   | a start on a window's end counts from the next opening
          BANK        | 2026-03-02T09:00+08:00        | PT7H         | 2026-03-02T17:30+08:00      | a whole day ends at closing, not next morning
          BANK        | 2026-03-02T17:00+08:00        | PT1H         | 2026-03-03T09:30+08:00      | half an hour today, half tomorrow
          BANK        | 2026-03-02T17:30+08:00        | PT1S         | 2026-03-03T09:00:01+08:00   | a start at closing
          BANK        | 2026-03-06T17:00+08:00        | PT1H         | 2026-03-09T09:30+08:00      | Friday afternoon over the weekend
          BANK        | 2026-03-07T10:00+08:00        | PT1H         | 2026-03-09T10:00+08:00      | a start on Saturday
          BANK        | 2026-03-02T09:00+08:00        | PT35H        | 2026-03-06T17:30+08:00      | a working week ends on Friday at closing
          BANK        | 2026-03-02T09:00+08:00        | PT35H1S      | 2026-03-09T09:00:01+08:00   | one second more is next Monday
          BANK        | 2026-03-02T10:00:00.999+08:00 | PT1M         | 2026-03-02T10:01+08:00      | the start is truncated to the second
          BANK        | 2026-03-02T08:00+08:00        | PT0S         | 2026-03-02T08:00+08:00      | nothing to add: the start itself, even outside hours
          BANK        | 2026-03-02T12:00+08:00        | PT0S         | 2026-03-02T12:00+08:00      | nothing to add on a window's end
          BANK        | 2026-03-02T09:00+08:00        | PT350H       | 2026-05-08T17:30+08:00      | ten working weeks (the fast path)
          BANK        | 2026-03-04T13:00+08:00        | PT350H       | 2026-05-13T12:00+08:00      | ten weeks from a Wednesday lunch break
          CN2026      | 2026-02-13T17:00+08:00        | PT1H         | 2026-02-14T09:30+08:00      | 调休: Saturday 02-14 is worked
          CN2026      | 2026-02-14T17:00+08:00        | PT1H         | 2026-02-24T09:30+08:00      | Spring Festival: 02-15 to 02-23 closed
          CN2026      | 2026-02-12T09:00+08:00        | PT14H        | 2026-02-13T17:30+08:00      | two days end on Friday's closing
          CN2026      | 2026-02-12T09:00+08:00        | PT21H        | 2026-02-14T17:30+08:00      | three days reach the make-up Saturday
          CN2026      | 2026-02-16T10:00+08:00        | PT1S         | 2026-02-24T09:00:01+08:00   | a start inside the holiday
          CN2026      | 2026-02-27T17:00+08:00        | PT1H         | 2026-02-28T09:30+08:00      | 调休: Saturday 02-28 is worked
          CN2026      | 2026-01-03T12:00+08:00        | PT1H         | 2026-01-04T10:00+08:00      | New Year's holiday, then Sunday 01-04 worked
          CN2026      | 2026-04-03T17:00+08:00        | PT1H         | 2026-04-07T09:30+08:00      | Qingming: Monday 04-06 is a holiday
          CN2026      | 2026-04-30T17:00+08:00        | PT1H         | 2026-05-06T09:30+08:00      | Labour Day: 05-01 to 05-05 closed
          CN2026      | 2026-05-08T17:30+08:00        | PT3H         | 2026-05-09T12:00+08:00      | the make-up Saturday's morning, ending on its window's end
          CN2026      | 2026-06-18T17:00+08:00        | PT1H         | 2026-06-22T09:30+08:00      | Dragon Boat: Friday 06-19 is a holiday
          CN2026      | 2026-09-19T10:00+08:00        | PT1H         | 2026-09-20T10:00+08:00      | 调休: Sunday 09-20 is worked
          CN2026      | 2026-09-24T17:00+08:00        | PT1H         | 2026-09-28T09:30+08:00      | Mid-Autumn: Friday 09-25 is a holiday
          CN2026      | 2026-09-30T17:00+08:00        | PT1H         | 2026-10-08T09:30+08:00      | National Day: 10-01 to 10-07 closed
          CN2026      | 2026-10-09T17:00+08:00        | PT1H         | 2026-10-10T09:30+08:00      | 调休: Saturday 10-10 is worked
          CN2026      | 2026-03-04T09:30+08:00        | PT1H         | 2026-03-04T11:30+08:00      | the 10:00–11:00 break is not working time
          CN2026      | 2026-03-04T10:15+08:00        | PT1S         | 2026-03-04T11:00:01+08:00   | a start inside a break counts from its end
          CN2026      | 2026-03-04T09:00+08:00        | PT1H         | 2026-03-04T10:00+08:00      | a deadline on a break's start stays there
          CN2026      | 2026-03-02T09:00+08:00        | PT350H       | 2026-05-14T10:00+08:00      | ten weeks less a break, 04-06, 05-01, 05-04, 05-05; plus 05-09
          OVERRIDE    | 2026-05-01T09:00+08:00        | PT30M        | 2026-05-01T10:30+08:00      | a workday override wins over a recurring holiday
          OVERRIDE    | 2026-05-01T10:30+08:00        | PT1H         | 2026-05-04T09:30+08:00      | and has only its own hours
          NY_HOLIDAYS | 2026-12-24T16:00-05:00        | PT2H         | 2026-12-28T10:00-05:00      | a recurring Christmas on a Friday
          NY_HOLIDAYS | 2026-11-25T16:00-05:00        | PT2H         | 2026-11-27T10:00-05:00      | Thanksgiving by date
          SPLIT       | 2026-03-02T09:00+08:00        | PT2H         | 2026-03-02T11:00+08:00      | adjacent windows behave as one
          SPLIT       | 2026-03-02T11:00+08:00        | PT1H         | 2026-03-02T12:00+08:00      | several windows: stays on the second window's end
          SPLIT       | 2026-03-02T11:00+08:00        | PT3H         | 2026-03-02T16:00+08:00      | several windows: stays on the third window's end
          SPLIT       | 2026-03-02T11:00+08:00        | PT2H         | 2026-03-02T15:00+08:00      | several windows: into the third
          SPLIT       | 2026-03-02T23:00+08:00        | PT1H         | 2026-03-03T00:00+08:00      | a window ending at 24:00 ends at the next midnight
          SPLIT       | 2026-03-02T23:00+08:00        | PT2H         | 2026-03-03T09:00+08:00      | then the next morning
          SPLIT       | 2026-03-02T16:00+08:00        | PT5H         | 2026-03-03T09:00+08:00      | 4 h in the evening, 1 h the next morning
          SH_24       | 2026-03-02T10:00+08:00        | PT24H        | 2026-03-03T10:00+08:00      | round the clock, no DST in Shanghai
          SH_24       | 2026-03-07T23:00+08:00        | PT2H         | 2026-03-08T01:00+08:00      | weekends count round the clock
          BER_24      | 2026-03-28T12:00+01:00        | PT24H        | 2026-03-29T13:00+02:00      | 24 real hours over the spring-forward night
          BER_24      | 2026-10-24T12:00+02:00        | PT24H        | 2026-10-25T11:00+01:00      | 24 real hours over the fall-back night
          BER_24      | 2026-03-29T00:00+01:00        | PT23H        | 2026-03-30T00:00+02:00      | the spring-forward day has 23 hours
          BER_24      | 2026-10-25T00:00+02:00        | PT25H        | 2026-10-26T00:00+01:00      | the fall-back day has 25 hours
          BER_NIGHT   | 2026-03-29T01:00+01:00        | PT2H         | 2026-03-29T04:00+02:00      | 01:00–04:00 holds 2 real hours when the clock jumps at 02:00
          BER_NIGHT   | 2026-03-29T01:00+01:00        | PT2H0M1S     | 2026-03-30T01:00:01+02:00   | so one second more is the next night
          BER_NIGHT   | 2026-10-25T01:00+02:00        | PT4H         | 2026-10-25T04:00+01:00      | 01:00–04:00 holds 4 real hours when 02:00–03:00 repeats
          BER_NIGHT   | 2026-10-25T01:00+02:00        | PT2H         | 2026-10-25T02:00+01:00      | two hours in, the clock shows 02:00 for the second time
          BER_2AM     | 2026-03-28T02:30+01:00        | PT1H         | 2026-03-30T02:30+02:00      | 02:00–03:00 does not exist on 03-29: half an hour on each side
          BER_2AM     | 2026-10-25T02:00+02:00        | PT2H         | 2026-10-25T03:00+01:00      | on 10-25 02:00–03:00 runs from its first 02:00: 2 hours
          NY_24       | 2026-03-08T00:00-05:00        | PT3H         | 2026-03-08T04:00-04:00      | New York springs forward at 02:00
          NY_24       | 2026-11-01T00:00-04:00        | PT2H         | 2026-11-01T01:00-05:00      | New York falls back at 02:00: 01:00 again
          NY_OFFICE   | 2026-03-06T16:00-05:00        | PT2H         | 2026-03-09T10:00-04:00      | EST on Friday, EDT on Monday: two working hours
          NY_OFFICE   | 2026-10-30T16:00-04:00        | PT2H         | 2026-11-02T10:00-05:00      | EDT on Friday, EST on Monday
          SYD_24      | 2026-04-04T12:00+11:00        | PT24H        | 2026-04-05T11:00+10:00      | Sydney's summer time ends on 04-05
          SYD_24      | 2026-10-03T12:00+10:00        | PT24H        | 2026-10-04T13:00+11:00      | Sydney's summer time starts on 10-04
          SYD_OFFICE  | 2026-04-03T16:00+11:00        | PT2H         | 2026-04-06T10:00+10:00      | an office week-end across the change
          SCL_NIGHTS  | 2026-09-05T22:00-04:00        | PT3H         | 2026-09-06T02:00-03:00      | 2 h to the missing midnight, 1 h after it
          SCL_NIGHTS  | 2026-04-04T22:00-03:00        | PT3H         | 2026-04-05T00:00-04:00      | 22:00–24:00 holds 3 real hours when 23:00 repeats
          SCL_24      | 2026-09-05T23:00-04:00        | PT1H         | 2026-09-06T01:00-03:00      | the day after starts at 01:00
          """)
  void deadline(String calendar, String start, String workingTime, String expected, String why) {
    BusinessCalendar c = Calendars.named(calendar);
    Instant from = OffsetDateTime.parse(start).toInstant();
    Duration amount = Duration.parse(workingTime);
    Instant deadline = c.addWorkingTime(from, amount);
    assertEquals(OffsetDateTime.parse(expected), deadline.atZone(c.zone()).toOffsetDateTime(), why);
    assertEquals(amount.getSeconds(), c.workingSecondsBetween(from, deadline), "round trip: " + why);
  }

  @ParameterizedTest(name = "{0}: {1} → {2} = {3} s — {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # calendar  | from                          | to                            | seconds  | why
          BANK        | 2026-03-02T09:00+08:00        | 2026-03-02T17:30+08:00        | 25200    | one day: 3 h + 4 h
          BANK        | 2026-03-02T08:00+08:00        | 2026-03-02T10:00+08:00        | 3600     | the hour before opening does not count
          BANK        | 2026-03-02T12:00+08:00        | 2026-03-02T13:30+08:00        | 0        | the lunch break
          BANK        | 2026-03-02T10:00+08:00        | 2026-03-02T10:00+08:00        | 0        | an empty span
          BANK        | 2026-03-02T11:00+08:00        | 2026-03-02T10:00+08:00        | 0        | the end before the start
          BANK        | 2026-03-06T17:00+08:00        | 2026-03-09T09:30+08:00        | 3600     | over a weekend
          BANK        | 2026-03-02T00:00+08:00        | 2026-03-09T00:00+08:00        | 126000   | a week is 5 × 7 h
          BANK        | 2026-03-02T00:00+08:00        | 2026-06-01T00:00+08:00        | 1638000  | thirteen weeks (the fast path)
          BANK        | 2026-03-02T09:00:00.900+08:00 | 2026-03-02T09:00:01.100+08:00 | 1        | both ends truncated to the second
          CN2026      | 2026-02-13T00:00+08:00        | 2026-02-25T00:00+08:00        | 75600    | Friday, the make-up Saturday, 9 days off, Tuesday
          CN2026      | 2026-02-14T10:00+08:00        | 2026-02-14T11:00+08:00        | 3600     | an hour of a make-up Saturday
          CN2026      | 2026-03-04T09:00+08:00        | 2026-03-04T17:30+08:00        | 21600    | a day with a one-hour break
          CN2026      | 2026-10-01T00:00+08:00        | 2026-10-08T00:00+08:00        | 0        | the National Day week
          CN2026      | 2026-01-01T00:00+08:00        | 2027-01-01T00:00+08:00        | 6246000  | 248 working days of 7 h in 2026, less the break
          OVERRIDE    | 2026-05-01T00:00+08:00        | 2026-05-02T00:00+08:00        | 3600     | only the override's hour on a recurring holiday
          SPLIT       | 2026-03-02T00:00+08:00        | 2026-03-03T00:00+08:00        | 36000    | four windows: 2 + 2 + 2 + 4 h
          SPLIT       | 2026-03-02T09:00+08:00        | 2026-03-02T21:00+08:00        | 21600    | parts of four windows: 1 + 2 + 2 + 1 h
          SH_24       | 2026-03-02T00:00+08:00        | 2026-03-03T00:00+08:00        | 86400    | a day round the clock
          BER_24      | 2026-03-29T00:00+01:00        | 2026-03-30T00:00+02:00        | 82800    | the spring-forward day
          BER_24      | 2026-10-25T00:00+02:00        | 2026-10-26T00:00+01:00        | 90000    | the fall-back day
          BER_24      | 2026-01-01T00:00+01:00        | 2027-01-01T00:00+01:00        | 31536000 | a year: the lost and the repeated hour cancel
          BER_NIGHT   | 2026-03-29T00:00+01:00        | 2026-03-30T00:00+02:00        | 7200     | the night window loses its second hour
          BER_NIGHT   | 2026-10-25T00:00+02:00        | 2026-10-26T00:00+01:00        | 14400    | the night window gains the repeated hour
          BER_2AM     | 2026-03-29T00:00+01:00        | 2026-03-30T00:00+02:00        | 0        | a window inside the gap does not exist
          NY_24       | 2026-03-08T00:00-05:00        | 2026-03-09T00:00-04:00        | 82800    | New York's spring-forward day
          NY_24       | 2026-11-01T00:00-04:00        | 2026-11-02T00:00-05:00        | 90000    | New York's fall-back day
          NY_OFFICE   | 2026-03-02T00:00-05:00        | 2026-03-09T00:00-04:00        | 144000   | a week of 5 × 8 h, whatever happens on Sunday night
          SYD_24      | 2026-04-05T00:00+11:00        | 2026-04-06T00:00+10:00        | 90000    | Sydney's fall-back day
          SYD_24      | 2026-10-04T00:00+10:00        | 2026-10-05T00:00+11:00        | 82800    | Sydney's spring-forward day
          SCL_24      | 2026-09-06T01:00-03:00        | 2026-09-07T00:00-03:00        | 82800    | a day that starts at 01:00
          SCL_24      | 2026-04-04T00:00-03:00        | 2026-04-05T00:00-04:00        | 90000    | a day whose last hour repeats
          SCL_NIGHTS  | 2026-09-06T01:00-03:00        | 2026-09-07T00:00-03:00        | 10800    | 00:00–02:00 holds 1 h, 22:00–24:00 holds 2 h
          SCL_NIGHTS  | 2026-04-04T00:00-03:00        | 2026-04-05T00:00-04:00        | 18000    | 00:00–02:00 holds 2 h, 22:00–24:00 holds 3 h
          """)
  void workingTime(String calendar, String from, String to, long seconds, String why) {
    BusinessCalendar c = Calendars.named(calendar);
    assertEquals(seconds, c.workingSecondsBetween(OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(to).toInstant()), why);
  }

  @Test
  void hoursOnADateApplyOverridesHolidaysAndBreaks() {
    BusinessCalendar c = Calendars.cn2026();
    assertEquals(List.of(TimeWindow.of("09:00-12:00"), TimeWindow.of("13:30-17:30")), c.hoursOn(LocalDate.parse("2026-03-02")));
    assertEquals(List.of(TimeWindow.of("09:00-10:00"), TimeWindow.of("11:00-12:00"), TimeWindow.of("13:30-17:30")), c.hoursOn(LocalDate.parse("2026-03-04")));
    assertEquals(List.of(), c.hoursOn(LocalDate.parse("2026-02-16")), "Spring Festival");
    assertEquals(List.of(), c.hoursOn(LocalDate.parse("2026-03-07")), "Saturday");
    assertEquals(2, c.hoursOn(LocalDate.parse("2026-02-14")).size(), "make-up Saturday");
    assertTrue(c.isHoliday(LocalDate.parse("2026-10-01")));
  }

  @Test
  void aBreakSpanningTheLunchBreakCutsBothWindows() {
    BusinessCalendar c = Calendars.bank();
    BusinessCalendar closedAroundLunch =
        BusinessCalendar.in("Asia/Shanghai")
            .hours(Calendars.WEEKDAYS, "09:00-12:00", "13:30-17:30")
            .breakOn(LocalDate.parse("2026-03-02"), TimeWindow.of("11:00-14:00"))
            .build();
    assertEquals(List.of(TimeWindow.of("09:00-11:00"), TimeWindow.of("14:00-17:30")), closedAroundLunch.hoursOn(LocalDate.parse("2026-03-02")));
    Instant monday9 = OffsetDateTime.parse("2026-03-02T09:00+08:00").toInstant();
    assertEquals(OffsetDateTime.parse("2026-03-02T14:30+08:00").toInstant(), closedAroundLunch.addWorkingTime(monday9, Duration.ofMinutes(150)));
    // 11:00–12:00 and 13:30–14:00 are lost: 1.5 h of the day's 7 h.
    assertEquals(c.workingSecondsBetween(monday9, monday9.plus(Duration.ofDays(1))) - 5400, closedAroundLunch.workingSecondsBetween(monday9, monday9.plus(Duration.ofDays(1))));
  }

  @Test
  void longAmountsAreFastEnough() {
    BusinessCalendar berlin = Calendars.roundTheClock("Europe/Berlin");
    BusinessCalendar cn = Calendars.cn2026();
    Instant start = Instant.parse("2026-01-05T01:00:00Z");
    long began = System.nanoTime();
    for (int i = 0; i < 500; i++) {
      berlin.addWorkingTime(start.plusSeconds(i * 3_607L), Duration.ofDays(4 * 365));
      cn.addWorkingTime(start.plusSeconds(i * 3_607L), Duration.ofHours(7 * 250 * 3)); // about three years of branch days
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    // Day by day this is ~1,500 days × 1,000 calls; whole weeks make it a few ms each even on a busy CI machine.
    assertTrue(millis < 20_000, "1,000 multi-year deadlines took " + millis + " ms");
  }
}
