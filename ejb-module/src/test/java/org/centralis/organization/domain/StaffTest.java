package org.centralis.organization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.centralis.testsupport.Entities;
import org.junit.jupiter.api.Test;

class StaffTest {

  static final Instant T = Instant.parse("2026-11-23T01:00:00Z");

  static Staff staff() {
    return Entities.staff(7, "agent01");
  }

  /** Fails n times, one minute apart from T; returns the time of the last failure. */
  static Instant fail(Staff s, int n, Instant from) {
    Instant at = from;
    for (int i = 0; i < n; i++) {
      at = from.plus(Duration.ofMinutes(i));
      s.recordFailedLogin(at);
    }
    return at;
  }

  @Test
  void theRulesAreFiveFailuresAndFifteenMinutes() {
    assertEquals(5, Staff.MAX_FAILED_LOGINS);
    assertEquals(Duration.ofMinutes(15), Staff.LOCKOUT);
  }

  @Test
  void aNewAccountIsNotLocked() {
    Staff s = staff();
    assertFalse(s.isLocked(T));
    assertEquals(0, s.getFailedLogins());
    assertNull(s.getLockedUntil());
  }

  @Test
  void fourFailuresDoNotLock() {
    Staff s = staff();
    for (int i = 1; i <= 4; i++) {
      assertFalse(s.recordFailedLogin(T.plusSeconds(i)), "failure " + i);
      assertEquals(i, s.getFailedLogins());
    }
    assertFalse(s.isLocked(T.plusSeconds(5)));
    assertNull(s.getLockedUntil());
  }

  @Test
  void theFifthConsecutiveFailureLocksForFifteenMinutes() {
    Staff s = staff();
    Instant fourth = fail(s, 4, T);
    Instant fifth = fourth.plusSeconds(30);

    assertTrue(s.recordFailedLogin(fifth), "the fifth failure locks");

    assertEquals(fifth.plus(Duration.ofMinutes(15)), s.getLockedUntil());
    assertTrue(s.isLocked(fifth));
    assertTrue(s.isLocked(fifth.plus(Duration.ofMinutes(14)).plusSeconds(59)));
    assertTrue(s.isLocked(fifth.plus(Duration.ofMinutes(15)).minusMillis(1)));
    assertFalse(s.isLocked(fifth.plus(Duration.ofMinutes(15))), "unlocked once the 15 minutes are over");
    assertFalse(s.isLocked(fifth.plus(Duration.ofHours(1))));
  }

  @Test
  void aSuccessResetsTheCount() {
    Staff s = staff();
    Instant fourth = fail(s, 4, T);
    Instant ok = fourth.plusSeconds(10);

    s.recordSuccessfulLogin(ok);

    assertEquals(0, s.getFailedLogins());
    assertEquals(ok, s.getLastLoginAt());
    Instant again = fail(s, 4, ok.plusSeconds(10));
    assertFalse(s.isLocked(again), "4 + 4 failures with a success between are not 5 consecutive");
    assertTrue(s.recordFailedLogin(again.plusSeconds(1)), "the fifth since the success locks");
    assertTrue(s.isLocked(again.plusSeconds(2)));
  }

  @Test
  void aSuccessClearsALock() {
    Staff s = staff();
    Instant fifth = fail(s, 5, T);
    assertTrue(s.isLocked(fifth));

    s.recordSuccessfulLogin(fifth.plusSeconds(1));

    assertFalse(s.isLocked(fifth.plusSeconds(2)));
    assertNull(s.getLockedUntil());
  }

  @Test
  void afterTheLockoutFiveNewFailuresAreNeededToLockAgain() {
    Staff s = staff();
    Instant fifth = fail(s, 5, T);
    Instant later = fifth.plus(Duration.ofMinutes(20));
    assertFalse(s.isLocked(later));

    for (int i = 1; i <= 4; i++) {
      assertFalse(s.recordFailedLogin(later.plusSeconds(i)), "failure " + i + " after the lockout");
    }
    assertFalse(s.isLocked(later.plusSeconds(5)));
    assertTrue(s.recordFailedLogin(later.plusSeconds(5)));
    assertTrue(s.isLocked(later.plusSeconds(6)));
    assertEquals(later.plusSeconds(5).plus(Staff.LOCKOUT), s.getLockedUntil());
  }
}
