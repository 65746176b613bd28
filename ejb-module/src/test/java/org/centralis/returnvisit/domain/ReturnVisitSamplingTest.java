package org.centralis.returnvisit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReturnVisitSamplingTest {

  private static final List<ReturnVisitSampling.Rule> RULES =
      List.of(
          new ReturnVisitSampling.Rule("ALL_COMPLAINTS", "COMPLAINT", null, 100),
          new ReturnVisitSampling.Rule("VIP_PRIVATE", null, "PRIVATE", 100),
          new ReturnVisitSampling.Rule("SAMPLE_OTHERS", null, null, 10));

  private static String number(int i) {
    return String.format("T20261120-%06d", i);
  }

  @Test
  void everyComplaintAndEveryVipTicketIsVisited() {
    IntStream.range(0, 500).forEach(i -> {
      assertEquals("ALL_COMPLAINTS", ReturnVisitSampling.pick(RULES, number(i), "COMPLAINT", "STANDARD").orElseThrow().name());
      assertEquals("VIP_PRIVATE", ReturnVisitSampling.pick(RULES, number(i), "INQUIRY", "PRIVATE").orElseThrow().name());
    });
  }

  @Test
  void aPercentageOfOtherTicketsIsSampledByTheirNumberAlone() {
    long sampled = IntStream.range(0, 10_000).filter(i -> ReturnVisitSampling.pick(RULES, number(i), "INQUIRY", "STANDARD").isPresent()).count();
    assertTrue(sampled > 800 && sampled < 1200, "about 10 %: " + sampled);
    // Deterministic: the same number always gives the same answer, whoever computes it.
    IntStream.range(0, 200).forEach(i ->
        assertEquals(ReturnVisitSampling.bucket(number(i)) < 10, ReturnVisitSampling.pick(RULES, number(i), "FAULT_REPORT", null).isPresent()));
  }

  @Test
  void noMatchingRuleOrZeroPercentMeansNoVisit() {
    List<ReturnVisitSampling.Rule> complaintsOnly = List.of(new ReturnVisitSampling.Rule("ALL_COMPLAINTS", "COMPLAINT", null, 100));
    assertTrue(ReturnVisitSampling.pick(complaintsOnly, number(1), "INQUIRY", "GOLD").isEmpty());
    List<ReturnVisitSampling.Rule> none = List.of(new ReturnVisitSampling.Rule("OFF", null, null, 0));
    assertTrue(IntStream.range(0, 300).noneMatch(i -> ReturnVisitSampling.pick(none, number(i), "INQUIRY", null).isPresent()));
  }
}
