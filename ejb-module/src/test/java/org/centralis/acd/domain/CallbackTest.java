package org.centralis.acd.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.ForbiddenException;
import org.junit.jupiter.api.Test;

class CallbackTest {

  private static final Instant NIGHT = Instant.parse("2026-11-25T14:30:00Z");
  private static final Instant MORNING = Instant.parse("2026-11-26T01:05:00Z");

  private static Callback open() {
    return Callback.request(7, 3, "13800138000", null, NIGHT);
  }

  @Test
  void aReachedCallerEndsTheCallback() {
    Callback c = open();
    c.claim(11, MORNING);
    assertEquals(CallbackStatus.CLAIMED, c.getStatus());
    assertEquals(11L, c.getAgentId());
    c.record(11, true, "已答复", MORNING.plusSeconds(120));
    assertEquals(CallbackStatus.DONE, c.getStatus());
    assertEquals(1, c.getAttempts());
    assertEquals("已答复", c.getNote());
    assertThrows(ConflictException.class, () -> c.claim(12, MORNING.plusSeconds(300)), "a finished callback is never taken again");
  }

  @Test
  void anUnansweredCallPutsItBackForAnyoneUntilTheThirdGivesUp() {
    Callback c = open();
    for (int attempt = 1; attempt < Callback.MAX_ATTEMPTS; attempt++) {
      long agent = 10 + attempt;
      c.claim(agent, MORNING);
      c.record(agent, false, null, MORNING.plusSeconds(attempt));
      assertEquals(CallbackStatus.OPEN, c.getStatus());
      assertNull(c.getAgentId(), "free for another agent");
      assertEquals(attempt, c.getAttempts());
    }
    c.claim(20, MORNING);
    c.record(20, false, "空号", MORNING.plusSeconds(60));
    assertEquals(CallbackStatus.GAVE_UP, c.getStatus());
    assertEquals(Callback.MAX_ATTEMPTS, c.getAttempts());
  }

  @Test
  void onlyTheHolderRecordsAndOnlyAnOpenCallbackIsTaken() {
    Callback c = open();
    assertThrows(ConflictException.class, () -> c.record(11, true, null, MORNING), "not taken yet");
    c.claim(11, MORNING);
    assertThrows(ConflictException.class, () -> c.claim(12, MORNING), "held by another agent");
    assertThrows(ForbiddenException.class, () -> c.record(12, true, null, MORNING));
    assertEquals(CallbackStatus.CLAIMED, c.getStatus());
    assertEquals(0, c.getAttempts());
  }
}
