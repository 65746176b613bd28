package org.centralis.complaint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.centralis.ticket.domain.Priority;
import org.junit.jupiter.api.Test;

class RepeatComplaintTest {

  private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(90);

  private static RepeatComplaint.Earlier earlier(String no, long customer, long category, int daysAgo) {
    return new RepeatComplaint.Earlier(no, customer, category, NOW.minus(Duration.ofDays(daysAgo)));
  }

  @Test
  void sameCustomerAndCategoryWithinTheWindowIsARepeatOfTheLatest() {
    List<RepeatComplaint.Earlier> history = List.of(earlier("T1", 7, 32, 80), earlier("T2", 7, 32, 10), earlier("T3", 7, 31, 1));
    assertEquals("T2", RepeatComplaint.of(7L, 32, NOW, WINDOW, history).orElseThrow().ticketNo());
  }

  @Test
  void anotherCategoryAnotherCustomerOrOutsideTheWindowIsNot() {
    assertTrue(RepeatComplaint.of(7L, 32, NOW, WINDOW, List.of(earlier("T1", 7, 31, 5))).isEmpty());
    assertTrue(RepeatComplaint.of(7L, 32, NOW, WINDOW, List.of(earlier("T1", 8, 32, 5))).isEmpty());
    assertTrue(RepeatComplaint.of(7L, 32, NOW, WINDOW, List.of(earlier("T1", 7, 32, 91))).isEmpty());
    assertTrue(RepeatComplaint.of(7L, 32, NOW, Duration.ofDays(30), List.of(earlier("T1", 7, 32, 31))).isEmpty());
    assertTrue(RepeatComplaint.of(null, 32, NOW, WINDOW, List.of(earlier("T1", 7, 32, 1))).isEmpty(), "anonymous complaints are never repeats");
  }

  @Test
  void theWindowIncludesItsFirstInstant() {
    assertTrue(RepeatComplaint.of(7L, 32, NOW, WINDOW, List.of(earlier("T1", 7, 32, 90))).isPresent());
  }

  @Test
  void aRepeatIsRaisedOneLevelUpToUrgent() {
    assertEquals(Priority.HIGH, RepeatComplaint.raised(Priority.NORMAL));
    assertEquals(Priority.URGENT, RepeatComplaint.raised(Priority.HIGH));
    assertEquals(Priority.URGENT, RepeatComplaint.raised(Priority.URGENT));
  }
}
