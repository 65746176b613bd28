package org.centralis.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The most specific matching policy wins: category, then type, priority, tier, channel, lower id. */
class SlaPolicyMatcherTest {

  private static SlaPolicy policy(long id, String type, Long category, String priority, String tier, String channel, boolean active) {
    return SlaPolicy.create(
        id, new SlaPolicy.Terms("p" + id, type, category, priority, tier, channel, 3_600L, null, 7_200L, "75,90", Set.of("PENDING_CUSTOMER"), null, null, active),
        Instant.EPOCH);
  }

  private static final List<SlaPolicy> POLICIES =
      List.of(
          policy(1, null, null, null, null, null, true),
          policy(2, null, null, "HIGH", null, null, true),
          policy(3, "COMPLAINT", null, null, null, null, true),
          policy(4, "COMPLAINT", null, "HIGH", null, null, true),
          policy(5, "COMPLAINT", null, null, "PRIVATE", null, true),
          policy(6, "COMPLAINT", 30L, null, null, null, true),
          policy(7, "COMPLAINT", 32L, null, null, null, true),
          policy(8, "COMPLAINT", 32L, null, null, "EMAIL", true),
          policy(9, null, 32L, "URGENT", null, null, false),
          policy(10, null, null, "HIGH", null, null, true));

  private static long match(String type, List<Long> lineage, String priority, String tier, String channel) {
    return new SlaPolicyMatcher(POLICIES).match(new SlaPolicyMatcher.Facts(type, lineage, priority, tier, channel)).orElseThrow().getId();
  }

  @Test
  void theMostSpecificPolicyWins() {
    assertEquals(1, match("INQUIRY", List.of(2L, 1L), "NORMAL", null, "PHONE"), "the catch-all");
    assertEquals(2, match("INQUIRY", List.of(2L, 1L), "HIGH", null, "PHONE"), "priority beats nothing; the lower id of two equals");
    assertEquals(3, match("COMPLAINT", List.of(31L, 99L), "NORMAL", null, "PHONE"), "type");
    assertEquals(4, match("COMPLAINT", List.of(31L, 99L), "HIGH", "PRIVATE", "PHONE"), "type + priority beats type + tier");
    assertEquals(5, match("COMPLAINT", List.of(31L, 99L), "NORMAL", "PRIVATE", "PHONE"), "type + tier");
    assertEquals(6, match("COMPLAINT", List.of(31L, 30L), "HIGH", "PRIVATE", "PHONE"), "an ancestor category beats the type with more criteria");
    assertEquals(7, match("COMPLAINT", List.of(32L, 30L), "HIGH", null, "PHONE"), "the exact category beats its ancestor");
    assertEquals(8, match("COMPLAINT", List.of(32L, 30L), "LOW", null, "EMAIL"), "the channel breaks the tie");
    assertEquals(7, match("COMPLAINT", List.of(32L, 30L), "URGENT", null, "WEB"), "an inactive policy never matches");
  }

  @Test
  void nothingMatchesWithoutACatchAll() {
    assertTrue(new SlaPolicyMatcher(List.of(policy(3, "COMPLAINT", null, null, null, null, true)))
        .match(new SlaPolicyMatcher.Facts("INQUIRY", List.of(1L), "LOW", null, "WEB")).isEmpty());
  }
}
