package org.centralis.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Laws of business time that hold for every calendar and instant, checked on random inputs:
 * starts anywhere, on quarter hours (so on window edges) and around the 2026 DST changes of
 * Berlin, New York, Sydney and Santiago (which changes at midnight); amounts up to 400 working hours.
 */
class BusinessCalendarPropertiesTest {

  private static final long FROM = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2027-06-01T00:00:00Z").getEpochSecond();
  private static final long MAX_AMOUNT = 400L * 3600;

  @Property
  void measuringFromStartToDeadlineGivesTheAmountBack(@ForAll("calendars") String name, @ForAll("instants") long start, @ForAll("amounts") long n) {
    BusinessCalendar c = Calendars.named(name);
    Instant s = Instant.ofEpochSecond(start);
    Instant deadline = c.addWorkingTime(s, n);
    assertEquals(n, c.workingSecondsBetween(s, deadline));
    assertTrue(deadline.getEpochSecond() - start >= n, "working time never runs faster than real time");
  }

  @Property
  void fromAWorkingInstantTheRoundTripHoldsAndTheNextSecondIsWorked(
      @ForAll("calendars") String name, @ForAll("instants") long anywhere, @ForAll("amounts") long n) {
    BusinessCalendar c = Calendars.named(name);
    Instant working = c.addWorkingTime(Instant.ofEpochSecond(anywhere), 1).minusSeconds(1); // the start of a working second
    assertEquals(working.plusSeconds(1), c.addWorkingTime(working, 1));
    assertEquals(n, c.workingSecondsBetween(working, c.addWorkingTime(working, n)));
  }

  @Property
  void aLargerAmountOrALaterStartNeverGivesAnEarlierDeadline(
      @ForAll("calendars") String name, @ForAll("instants") long s1, @ForAll("instants") long s2, @ForAll("amounts") long n1, @ForAll("amounts") long n2) {
    BusinessCalendar c = Calendars.named(name);
    Instant early = Instant.ofEpochSecond(Math.min(s1, s2));
    Instant late = Instant.ofEpochSecond(Math.max(s1, s2));
    long small = Math.min(n1, n2);
    long large = Math.max(n1, n2);
    assertTrue(!c.addWorkingTime(early, small).isAfter(c.addWorkingTime(early, large)));
    assertTrue(!c.addWorkingTime(early, small).isAfter(c.addWorkingTime(late, small)));
    assertTrue(c.workingSecondsBetween(early, late) <= c.workingSecondsBetween(early, late.plusSeconds(large)));
  }

  @Property
  void addingInTwoStepsEqualsAddingAtOnce(@ForAll("calendars") String name, @ForAll("instants") long start, @ForAll("amounts") long a, @ForAll("amounts") long b) {
    BusinessCalendar c = Calendars.named(name);
    Instant s = Instant.ofEpochSecond(start);
    assertEquals(c.addWorkingTime(s, a + b), c.addWorkingTime(c.addWorkingTime(s, a), b));
  }

  @Property
  void workingTimeAddsUpOverConsecutiveSpansAndNeverExceedsRealTime(
      @ForAll("calendars") String name, @ForAll("instants") long x, @ForAll("instants") long y, @ForAll("instants") long z) {
    BusinessCalendar c = Calendars.named(name);
    long[] t = {x, y, z};
    Arrays.sort(t);
    Instant a = Instant.ofEpochSecond(t[0]);
    Instant b = Instant.ofEpochSecond(t[1]);
    Instant d = Instant.ofEpochSecond(t[2]);
    long whole = c.workingSecondsBetween(a, d);
    assertEquals(whole, c.workingSecondsBetween(a, b) + c.workingSecondsBetween(b, d));
    assertTrue(whole >= 0 && whole <= t[2] - t[0]);
    assertEquals(0, c.workingSecondsBetween(d, a));
  }

  @Property(tries = 300)
  void skippingWholeWeeksGivesTheSameAnswersAsWalkingDayByDay(
      @ForAll("calendars") String name, @ForAll("instants") long start, @ForAll("instants") long end, @ForAll("amounts") long n) {
    BusinessCalendar c = Calendars.named(name);
    WorkingTimeline fast = new WorkingTimeline(c, true);
    WorkingTimeline slow = new WorkingTimeline(c, false);
    long limit = start + BusinessCalendar.HORIZON.getSeconds();
    assertEquals(slow.add(start, n * 5, limit), fast.add(start, n * 5, limit));
    assertEquals(slow.between(Math.min(start, end), Math.max(start, end)), fast.between(Math.min(start, end), Math.max(start, end)));
  }

  @Provide
  Arbitrary<String> calendars() {
    return Arbitraries.of(Calendars.BY_NAME.keySet().stream().sorted().toList());
  }

  @Provide
  Arbitrary<Long> instants() {
    Arbitrary<Long> anywhere = Arbitraries.longs().between(FROM, TO);
    Arbitrary<Long> quarterHours = anywhere.map(s -> s - Math.floorMod(s, 900));
    Arbitrary<Long> nearDstChanges =
        Arbitraries.of(dstChanges2026()).flatMap(t -> Arbitraries.longs().between(-48, 48).map(q -> t + q * 900));
    return Arbitraries.frequencyOf(
        Tuple.of(2, anywhere), Tuple.of(2, quarterHours), Tuple.of(1, nearDstChanges));
  }

  @Provide
  Arbitrary<Long> amounts() {
    Arbitrary<Long> any = Arbitraries.longs().between(0, MAX_AMOUNT);
    Arbitrary<Long> halfHours = Arbitraries.longs().between(0, 200).map(k -> k * 1800);
    return Arbitraries.oneOf(any, halfHours);
  }

  private static List<Long> dstChanges2026() {
    List<Long> changes = new ArrayList<>();
    for (String zone : List.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago")) {
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      for (int i = 0; i < 2; i++) {
        ZoneOffsetTransition next = ZoneId.of(zone).getRules().nextTransition(t);
        changes.add(next.getInstant().getEpochSecond());
        t = next.getInstant();
      }
    }
    return changes;
  }
}
