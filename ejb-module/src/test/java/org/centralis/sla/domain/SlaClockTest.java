package org.centralis.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The clock math, hand-checked on the bank calendar (Mon–Fri 09:00–12:00 and 13:30–17:30,
 * Asia/Shanghai): a two-hour first-response target from Monday 2026-03-02 08:00, warnings at 75%
 * and 90%, an escalation chain of two levels (at the breach, and one working hour later).
 */
class SlaClockTest {

  private static final BusinessCalendar BANK = Calendars.bank();
  private static final List<Long> CHAIN = List.of(0L, 3_600L);

  private static Instant at(String localTime) {
    return OffsetDateTime.parse(localTime + "+08:00").toInstant();
  }

  private static SlaClock twoHours(String start) {
    return SlaClock.start(1L, "T1", "/1/", SlaMetric.FIRST_RESPONSE, new SlaClock.Terms(9L, 1L, "bank", 7_200, "75,90"), at(start), BANK, CHAIN);
  }

  @Test
  void aClockStartedBeforeOpeningCountsFromOpeningAndWarnsAtEachThreshold() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    assertEquals(ClockState.RUNNING, c.getState());
    assertEquals(at("2026-03-02T11:00:00"), c.getDueAt());
    assertEquals(List.of(at("2026-03-02T10:30:00"), at("2026-03-02T10:48:00")), c.warningInstants(BANK));
    assertEquals(at("2026-03-02T10:30:00"), c.getNextDueAt(), "the first warning is the next step");
  }

  @Test
  void warningsThenBreachThenEscalationLevelsFireOnceEachInOrder() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    assertEquals(List.of(), c.fireDue(at("2026-03-02T10:29:59"), BANK, CHAIN));
    assertEquals(List.of(new SlaFiring(SlaFiring.Kind.WARNING, 1, at("2026-03-02T10:30:00"))), c.fireDue(at("2026-03-02T10:30:00"), BANK, CHAIN));
    assertEquals(List.of(), c.fireDue(at("2026-03-02T10:30:00"), BANK, CHAIN), "a step fires once");
    assertEquals(List.of(new SlaFiring(SlaFiring.Kind.WARNING, 2, at("2026-03-02T10:48:00"))), c.fireDue(at("2026-03-02T10:59:00"), BANK, CHAIN));
    // The breach and level 1 (delay 0) are due at the same instant.
    assertEquals(
        List.of(new SlaFiring(SlaFiring.Kind.BREACH, 1, at("2026-03-02T11:00:00")), new SlaFiring(SlaFiring.Kind.ESCALATION, 1, at("2026-03-02T11:00:00"))),
        c.fireDue(at("2026-03-02T11:00:00"), BANK, CHAIN));
    assertEquals(ClockState.BREACHED, c.getState());
    assertEquals(at("2026-03-02T11:00:00"), c.getBreachedAt());
    // Level 2: one working hour after the breach lands on the 12:00 window end and stays there.
    assertEquals(at("2026-03-02T12:00:00"), c.getNextDueAt());
    assertEquals(List.of(new SlaFiring(SlaFiring.Kind.ESCALATION, 2, at("2026-03-02T12:00:00"))), c.fireDue(at("2026-03-02T12:30:00"), BANK, CHAIN));
    assertNull(c.getNextDueAt(), "the chain has no level 3");
    assertEquals(2, c.getEscalationLevel());
  }

  @Test
  void aLateSweepBreachesWithoutWarningAfterTheFact() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    List<SlaFiring> fired = c.fireDue(at("2026-03-02T11:05:00"), BANK, List.of());
    assertEquals(List.of(new SlaFiring(SlaFiring.Kind.BREACH, 1, at("2026-03-02T11:00:00"))), fired);
    assertEquals(2, c.getWarningsFired());
    assertNull(c.getNextDueAt());
  }

  @Test
  void aPauseMovesTheDeadlineByThePausedWorkingTime() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    c.pause(at("2026-03-02T10:00:00")); // one working hour used
    assertEquals(ClockState.PAUSED, c.getState());
    assertNull(c.getNextDueAt(), "a paused clock fires nothing");
    assertEquals(List.of(), c.fireDue(at("2026-03-02T16:00:00"), BANK, CHAIN));
    c.resume(at("2026-03-02T14:30:00"), BANK, CHAIN); // paused 10:00–12:00 and 13:30–14:30: 3 working hours
    assertEquals(ClockState.RUNNING, c.getState());
    assertEquals(10_800, c.getPausedSeconds());
    assertEquals(at("2026-03-02T15:30:00"), c.getDueAt(), "the hour left counts from the resume");
    assertEquals(3_600, c.elapsedSeconds(at("2026-03-02T14:30:00"), BANK));
    // 75% = 1 h 30 min of working time: 30 min after the resume.
    assertEquals(at("2026-03-02T15:00:00"), c.getNextDueAt());
  }

  @Test
  void aPauseOverNightAndWeekendCountsOnlyWorkingTime() {
    SlaClock c = twoHours("2026-03-06T17:00:00"); // Friday: 30 min today
    c.pause(at("2026-03-06T17:10:00"));
    c.resume(at("2026-03-09T10:00:00"), BANK, CHAIN); // Friday 17:10–17:30 and Monday 09:00–10:00: 80 min
    assertEquals(4_800, c.getPausedSeconds());
    assertEquals(at("2026-03-09T11:50:00"), c.getDueAt()); // 10 min used, 110 min left from Monday 10:00
  }

  @Test
  void meetingBeforeTheDeadlineIsMetAndAfterItIsABreachAtTheDeadline() {
    SlaClock met = twoHours("2026-03-02T08:00:00");
    met.meet(at("2026-03-02T11:00:00"), BANK);
    assertEquals(ClockState.MET, met.getState());
    assertEquals(at("2026-03-02T11:00:00"), met.getMetAt());
    assertNull(met.getNextDueAt());

    SlaClock late = twoHours("2026-03-02T08:00:00");
    late.meet(at("2026-03-02T11:00:01"), BANK); // the sweeper had not fired yet
    assertEquals(ClockState.BREACHED, late.getState());
    assertEquals(at("2026-03-02T11:00:00"), late.getBreachedAt());
    assertEquals(at("2026-03-02T11:00:01"), late.getStoppedAt());
  }

  @Test
  void meetingWhilePausedCountsThePauseOut() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    c.pause(at("2026-03-02T10:00:00"));
    c.meet(at("2026-03-03T16:00:00"), BANK); // resolved straight from the pause, a day later
    assertEquals(ClockState.MET, c.getState());
    assertEquals(at("2026-03-03T17:00:00"), c.getDueAt(), "the pause ends when the ticket is met: the hour left would have ended at 17:00");
  }

  @Test
  void aReopenedClockCountsAgainFromWhereItStopped() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    c.meet(at("2026-03-02T10:00:00"), BANK); // one hour used
    c.reopen(at("2026-03-03T09:00:00"), BANK, CHAIN); // stood still Mon 10:00–17:30 = 6 working hours
    assertEquals(ClockState.RUNNING, c.getState());
    assertNull(c.getMetAt());
    assertEquals(21_600, c.getPausedSeconds());
    assertEquals(at("2026-03-03T10:00:00"), c.getDueAt());
  }

  @Test
  void aBreachedClockStopsEscalatingWhenMetAndWhilePaused() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    c.fireDue(at("2026-03-02T11:00:00"), BANK, CHAIN);
    c.pause(at("2026-03-02T11:30:00"));
    assertEquals(ClockState.BREACHED, c.getState());
    assertNull(c.getNextDueAt());
    c.resume(at("2026-03-02T14:00:00"), BANK, CHAIN); // paused 11:30–12:00 and 13:30–14:00: 1 h
    assertEquals(at("2026-03-02T14:30:00"), c.getNextDueAt(), "level 2 was 30 working minutes away at the pause: 30 min after the resume");
    assertEquals(at("2026-03-02T11:00:00"), c.getDueAt(), "the breached deadline stays as it was");
    c.meet(at("2026-03-02T14:10:00"), BANK);
    assertEquals(ClockState.BREACHED, c.getState());
    assertNull(c.getNextDueAt());
  }

  @Test
  void aConfirmedEscalationStopsTheChainEvenAcrossAResumeOrARetarget() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    assertFalse(c.acknowledge("super1", at("2026-03-02T10:00:00")), "nothing to confirm before the breach");
    c.fireDue(at("2026-03-02T11:00:00"), BANK, CHAIN);
    assertEquals(at("2026-03-02T12:00:00"), c.getNextDueAt());
    assertTrue(c.acknowledge("super1", at("2026-03-02T11:05:00")));
    assertNull(c.getNextDueAt(), "level 2 will not fire");
    assertEquals("super1", c.getAcknowledgedBy());
    assertFalse(c.acknowledge("hq1", at("2026-03-02T11:06:00")), "confirmed once");
    c.pause(at("2026-03-02T11:10:00"));
    c.resume(at("2026-03-02T11:20:00"), BANK, CHAIN);
    c.retarget(new SlaClock.Terms(9L, 1L, "bank", 7_200, "75,90"), BANK, CHAIN);
    assertNull(c.getNextDueAt(), "still stopped after a resume and a recompute");
    assertEquals(List.of(), c.fireDue(at("2026-03-02T16:00:00"), BANK, CHAIN));
    assertEquals(1, c.getEscalationLevel());
  }

  @Test
  void aCancelledTicketCancelsItsClocks() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    c.cancel(at("2026-03-02T09:30:00"));
    assertEquals(ClockState.CANCELLED, c.getState());
    assertNull(c.getNextDueAt());
    c.reopen(at("2026-03-02T10:00:00"), BANK, CHAIN);
    assertEquals(ClockState.CANCELLED, c.getState(), "a cancelled clock never runs again");
  }

  @Test
  void aNewCycleStartsFromScratchAndMayStartPaused() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    c.fireDue(at("2026-03-02T10:30:00"), BANK, CHAIN);
    c.restart(at("2026-03-02T14:00:00"), false, BANK, CHAIN);
    assertEquals(2, c.getCycle());
    assertEquals(0, c.getWarningsFired());
    assertEquals(at("2026-03-02T16:00:00"), c.getDueAt());
    c.restart(at("2026-03-02T15:00:00"), true, BANK, CHAIN);
    assertEquals(ClockState.PAUSED, c.getState());
    assertNull(c.getNextDueAt());
  }

  @Test
  void aShorterTargetCanMakeTheClockDueAtOnce() {
    SlaClock c = twoHours("2026-03-02T08:00:00");
    c.retarget(new SlaClock.Terms(9L, 1L, "bank", 1_800, "50"), BANK, CHAIN);
    assertEquals(at("2026-03-02T09:30:00"), c.getDueAt());
    List<SlaFiring> fired = c.fireDue(at("2026-03-02T10:00:00"), BANK, List.of());
    assertEquals(SlaFiring.Kind.BREACH, fired.get(0).kind());
  }

  @Test
  void theSameInputsGiveTheSameDeadlinesWhoeverComputesThem() {
    SlaClock a = twoHours("2026-02-13T17:00:00");
    SlaClock b = twoHours("2026-02-13T17:00:00");
    BusinessCalendar cn = Calendars.cn2026();
    a.pause(at("2026-02-13T17:20:00"));
    b.pause(at("2026-02-13T17:20:00"));
    a.resume(at("2026-02-24T09:00:00"), cn, CHAIN);
    b.resume(at("2026-02-24T09:00:00"), cn, CHAIN);
    assertEquals(a.getDueAt(), b.getDueAt());
    // 调休: Saturday 02-14 is worked (7 h paused), then the Spring Festival: 10 min + 7 h paused.
    assertEquals(600 + 25_200, a.getPausedSeconds());
    assertEquals(at("2026-02-24T10:40:00"), a.getDueAt());
  }

  @Test
  void thresholdsAscendWithinOneToNinetyNine() {
    assertEquals(0, SlaClock.parsePercents("").length);
    assertEquals(2, SlaClock.parsePercents(" 75, 90 ").length);
    assertThrows(IllegalArgumentException.class, () -> SlaClock.parsePercents("90,75"));
    assertThrows(IllegalArgumentException.class, () -> SlaClock.parsePercents("100"));
    assertThrows(IllegalArgumentException.class, () -> SlaClock.parsePercents("x"));
    assertThrows(IllegalArgumentException.class, () -> new SlaClock.Terms(1L, null, "c", 0, "75"));
    assertTrue(SlaClock.parsePercents("1,99").length == 2);
  }
}
