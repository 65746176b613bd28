package org.centralis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.centralis.acd.domain.RoutingStrategy;
import org.junit.jupiter.api.Test;

class AcdSimTest {

  /** 14 agents, 200 an hour, AHT 180 s: A = 10 Erlangs, occupancy 71%, P(W) ≈ 0.17 (the issue's example). */
  static AcdSim.Params params(double hours, long seed, RoutingStrategy strategy) {
    return new AcdSim.Params(14, 200, 180, 20, hours, hours / 100, seed, strategy, 60);
  }

  /**
   * 200 virtual hours (about 40,000 contacts) against Erlang C. The tolerance is 4 standard errors by batch
   * means (20 batches of ~10 h, each far longer than the queue's memory of about ten minutes): a correct
   * simulation misses it with probability ~6e-5 per figure, and a fixed seed makes the outcome the same
   * on every run. The standard errors are bounded too, so a noisy run cannot pass on wide error bars:
   * over seeds 1–6 they were SL 0.006–0.011, ASA 0.6–1.6 s, P(W) 0.008–0.013, occupancy 0.003–0.006, and
   * the bounds are about twice the largest. (Waits come in congestion episodes, so 40,000 contacts carry
   * the information of a few thousand independent ones: the binomial error of P(W) alone would be 0.002.)
   */
  @Test
  void agreesWithErlangCWithinFourStandardErrors() throws Exception {
    AcdSim.Result r = AcdSim.simulate(params(200, 1, RoutingStrategy.LONGEST_IDLE));
    assertEquals(r.offered(), r.answered(), "no abandonment: the drained queue answers every measured contact");
    assertTrue(r.offered() > 38_000 && r.offered() < 41_000, "about 200 × 198 measured arrivals, got " + r.offered());
    within("serviceLevel", r.erlangC().serviceLevel(), r.serviceLevel(), r.standardErrors().get("serviceLevel"), 0.02);
    within("asaSeconds", r.erlangC().asaSeconds(), r.asaSeconds(), r.standardErrors().get("asaSeconds"), 3);
    within("probabilityOfWaiting", r.erlangC().probabilityOfWaiting(), r.probabilityOfWaiting(), r.standardErrors().get("probabilityOfWaiting"), 0.025);
    within("occupancy", r.erlangC().occupancy(), r.occupancy(), r.standardErrors().get("occupancy"), 0.012);
  }

  @Test
  void aSeedGivesOneHistory() throws Exception {
    AcdSim.Result a = AcdSim.simulate(params(20, 7, RoutingStrategy.LONGEST_IDLE));
    AcdSim.Result b = AcdSim.simulate(params(20, 7, RoutingStrategy.LONGEST_IDLE));
    AcdSim.Result other = AcdSim.simulate(params(20, 8, RoutingStrategy.LONGEST_IDLE));
    assertEquals(figures(a), figures(b));
    assertEquals(a.agentSpread(), b.agentSpread());
    assertTrue(!figures(a).equals(figures(other)), "another seed, another history");
  }

  /**
   * Arrivals and the k-th handling time come from their own random streams, and under FIFO a contact's
   * wait does not depend on which free agent takes the contact ahead of it: every strategy must give
   * exactly the same queue figures (only the split of work between agents may differ).
   */
  @Test
  void theStrategyChangesWhoWorksNotHowLongCallersWait() throws Exception {
    String base = figures(AcdSim.simulate(params(10, 3, RoutingStrategy.LONGEST_IDLE)));
    for (RoutingStrategy s : RoutingStrategy.values()) {
      assertEquals(base, figures(AcdSim.simulate(params(10, 3, s))), s.name());
    }
  }

  @Test
  void anOverloadedQueueIsRefused() {
    Bench.Args args = Bench.Args.parse(new String[] {"--agents", "10", "--arrivals-per-hour", "200", "--aht-seconds", "180"});
    assertThrows(IllegalArgumentException.class, () -> AcdSim.params(args));
  }

  @Test
  void theIssueCommandLineParses() {
    Bench.Args args = Bench.Args.parse(new String[] {
        "--agents", "14", "--arrivals-per-hour", "200", "--aht-seconds", "180", "--threshold-seconds", "20", "--hours", "500", "--seed", "1"});
    AcdSim.Params p = AcdSim.params(args);
    assertEquals(new AcdSim.Params(14, 200, 180, 20, 500, 5, 1, RoutingStrategy.LONGEST_IDLE, 3600), p);
  }

  private static void within(String name, double expected, double actual, double standardError, double maxStandardError) {
    assertTrue(standardError > 0 && standardError < maxStandardError, name + ": standard error " + standardError + " not in (0, " + maxStandardError + ")");
    assertTrue(Math.abs(actual - expected) <= 4 * standardError,
        name + ": simulated " + actual + ", Erlang C " + expected + ", 4 standard errors = " + 4 * standardError);
  }

  private static String figures(AcdSim.Result r) {
    return r.offered() + " " + r.answered() + " " + r.serviceLevel() + " " + r.asaSeconds() + " " + r.probabilityOfWaiting() + " " + r.occupancy();
  }
}
