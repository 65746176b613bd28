package org.centralis.acd.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.centralis.acd.domain.ErlangC.Figures;
import org.centralis.acd.domain.ErlangC.Staffing;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ErlangCTest {

  static final double EXACT = 1e-9;
  static final MathContext MC = new MathContext(60);

  /**
   * The textbook formula, term by term in 60-digit decimals, as an independent reference:
   * C = (Aᴺ/N!·N/(N−A)) / (Σₖ₌₀ᴺ⁻¹ Aᵏ/k! + Aᴺ/N!·N/(N−A)).
   */
  static double exactC(double traffic, int n) {
    BigDecimal a = new BigDecimal(traffic);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < n; k++) {
      sum = sum.add(term, MC);
      term = term.multiply(a, MC).divide(BigDecimal.valueOf(k + 1), MC);
    }
    BigDecimal last = term.multiply(BigDecimal.valueOf(n), MC).divide(BigDecimal.valueOf(n).subtract(a), MC);
    return last.divide(sum.add(last, MC), MC).doubleValue();
  }

  static void assertMatchesExact(ErlangC q, int n, double threshold) {
    Figures f = q.with(n, threshold);
    double a = q.trafficErlangs();
    double c = exactC(a, n);
    assertEquals(c, f.probabilityOfWaiting(), EXACT, "P(W) at N=" + n);
    assertEquals(1 - c * Math.exp(-(n - a) * threshold / q.ahtSeconds()), f.serviceLevel(), EXACT, "SL at N=" + n);
    double asa = c * q.ahtSeconds() / (n - a);
    assertEquals(asa, f.asaSeconds(), EXACT * Math.max(1, asa), "ASA at N=" + n);
    assertEquals(a / n, f.occupancy(), EXACT);
    assertTrue(f.stable());
  }

  // 360 contacts an hour handled in 240 s: 24 Erlangs.
  static final ErlangC CLASSIC = ErlangC.of(360, 240);

  @Test
  void trafficIsArrivalsTimesHandlingTime() {
    assertEquals(24.0, CLASSIC.trafficErlangs(), 0);
    assertEquals(10.0, ErlangC.of(200, 180).trafficErlangs(), 1e-12);
    assertEquals(0.0, ErlangC.of(0, 180).trafficErlangs(), 0);
  }

  @Test
  void classicExampleAgreesWithExactArithmetic() {
    for (int n = 25; n <= 30; n++) {
      assertMatchesExact(CLASSIC, n, 20);
    }
  }

  @Test
  void classicExampleTable() {
    // 24 Erlangs, 20 s threshold; the table of docs/erlang-c.md, rounded to 4 digits.
    double[][] rows = {
      // N, P(W), SL(20 s), ASA s
      {25, 0.7785, 0.2837, 186.85},
      {26, 0.5967, 0.4949, 71.60},
      {27, 0.4498, 0.6497, 35.98},
      {28, 0.3331, 0.7613, 19.99},
      {29, 0.2423, 0.8403, 11.63},
      {30, 0.1729, 0.8952, 6.91},
    };
    for (double[] r : rows) {
      Figures f = CLASSIC.with((int) r[0], 20);
      assertEquals(r[1], f.probabilityOfWaiting(), 5e-5, "P(W) at N=" + r[0]);
      assertEquals(r[2], f.serviceLevel(), 5e-5, "SL at N=" + r[0]);
      assertEquals(r[3], f.asaSeconds(), 5e-3, "ASA at N=" + r[0]);
    }
  }

  @Test
  void publishedWorkedExamples() {
    // The step-by-step Erlang C example found in many call-center texts: 360 calls per half hour,
    // 4-minute calls, 55 agents, 15 s target: 48 Erlangs, occupancy 87.3%, about 24% wait,
    // about 85% answered within 15 s, ASA about 8 s.
    ErlangC halfHour = ErlangC.of(720, 240);
    Figures f = halfHour.with(55, 15);
    assertEquals(48.0, f.trafficErlangs(), 0);
    assertEquals(0.8727, f.occupancy(), 5e-5);
    assertEquals(0.2387, f.probabilityOfWaiting(), 5e-5);
    assertEquals(0.8459, f.serviceLevel(), 5e-5);
    assertEquals(8.18, f.asaSeconds(), 5e-3);
    assertMatchesExact(halfHour, 55, 15);
    // 100 calls per half hour of 180 s (10 Erlangs) with 11 agents: 68.21% wait.
    assertEquals(0.6821, ErlangC.of(200, 180).probabilityOfWaiting(11), 5e-5);
  }

  @Test
  void smallQueuesAgreeWithExactArithmetic() {
    double[][] queues = {{1, 3600}, {20, 300}, {137, 263.5}, {3000, 37}, {55.5, 1234}};
    for (double[] q : queues) {
      ErlangC model = ErlangC.of(q[0], q[1]);
      int first = (int) Math.floor(model.trafficErlangs()) + 1;
      for (int n = first; n < first + 15; n++) {
        assertMatchesExact(model, n, 30);
      }
    }
  }

  @Test
  void thresholdZeroMeansAnsweredWithoutWaiting() {
    Figures f = CLASSIC.with(28, 0);
    assertEquals(1 - f.probabilityOfWaiting(), f.serviceLevel(), 1e-15);
  }

  @Test
  void largeCenterStaysFiniteMonotoneAndExact() {
    // 21,000 contacts an hour at 240 s: 1,400 Erlangs.
    ErlangC large = ErlangC.of(21_000, 240);
    assertEquals(1400.0, large.trafficErlangs(), 0);
    assertMatchesExact(large, 1500, 20);
    assertMatchesExact(large, 1401, 20);
    assertMatchesExact(large, 1420, 20);
    double previousC = 1;
    double previousSl = 0;
    for (int n = 1401; n <= 1600; n++) {
      Figures f = large.with(n, 20);
      assertTrue(Double.isFinite(f.probabilityOfWaiting()) && Double.isFinite(f.serviceLevel()) && Double.isFinite(f.asaSeconds()), "finite at N=" + n);
      assertTrue(f.probabilityOfWaiting() >= 0 && f.probabilityOfWaiting() <= 1, "P(W) in [0,1] at N=" + n);
      assertTrue(f.serviceLevel() >= 0 && f.serviceLevel() <= 1, "SL in [0,1] at N=" + n);
      assertTrue(f.probabilityOfWaiting() <= previousC, "P(W) falls with N at N=" + n);
      assertTrue(f.serviceLevel() >= previousSl, "SL rises with N at N=" + n);
      previousC = f.probabilityOfWaiting();
      previousSl = f.serviceLevel();
    }
    assertTrue(previousSl > 0.999_999, "200 spare agents answer nearly everyone at once");
  }

  @Test
  void hundredThousandAgentsAreFineToo() {
    ErlangC huge = ErlangC.of(1_485_000, 240); // 99,000 Erlangs
    Figures f = huge.with(ErlangC.MAX_AGENTS, 20);
    assertTrue(f.stable());
    assertTrue(f.probabilityOfWaiting() > 0 && f.probabilityOfWaiting() < 0.01, String.valueOf(f.probabilityOfWaiting()));
    assertEquals(1.0, f.serviceLevel(), 1e-12);
    Figures tight = huge.with(99_200, 0);
    assertTrue(tight.probabilityOfWaiting() > 0.1 && tight.probabilityOfWaiting() < 0.9, String.valueOf(tight.probabilityOfWaiting()));
    assertMatchesExact(huge, 99_200, 0);
  }

  @Test
  void overloadedQueueSaysSoInsteadOfInventingNumbers() {
    for (int n : new int[] {1, 10, 23, 24}) {
      Figures f = CLASSIC.with(n, 20);
      assertFalse(f.stable(), "N=" + n);
      assertEquals(1.0, f.probabilityOfWaiting(), 0);
      assertEquals(0.0, f.serviceLevel(), 0);
      assertEquals(Double.POSITIVE_INFINITY, f.asaSeconds(), 0);
      assertEquals(1.0, f.occupancy(), 0);
      assertEquals(24.0, f.trafficErlangs(), 0);
    }
    assertFalse(ErlangC.of(21_000, 240).with(1400, 20).stable());
    assertTrue(CLASSIC.with(25, 20).stable());
  }

  @Test
  void noTrafficNoWait() {
    Figures f = ErlangC.of(0, 300).with(3, 20);
    assertTrue(f.stable());
    assertEquals(0.0, f.probabilityOfWaiting(), 0);
    assertEquals(1.0, f.serviceLevel(), 0);
    assertEquals(0.0, f.asaSeconds(), 0);
    assertEquals(0.0, f.occupancy(), 0);
    Staffing s = ErlangC.of(0, 300).requiredAgents(20, 0.8, 0.85, 0.3);
    assertEquals(0, s.agents());
    assertEquals(0, s.agentsWithShrinkage());
  }

  @Test
  void requiredAgentsIsTheFewestThatMeetTheTarget() {
    Staffing s = CLASSIC.requiredAgents(20, 0.8, 1, 0);
    assertEquals(29, s.agents());
    assertEquals(29, s.agentsWithShrinkage());
    assertEquals(CLASSIC.with(29, 20), s.figures());
    assertTrue(CLASSIC.with(28, 20).serviceLevel() < 0.8);
    assertEquals(14, ErlangC.of(200, 180).requiredAgents(20, 0.8, 1, 0).agents());
    assertEquals(26, CLASSIC.requiredAgents(20, 0.49, 1, 0).agents());
    assertEquals(27, CLASSIC.requiredAgents(20, 0.5, 1, 0).agents());
  }

  @Test
  void requiredAgentsAtLargeScaleIsMinimal() {
    ErlangC large = ErlangC.of(21_000, 240);
    Staffing s = large.requiredAgents(20, 0.8, 1, 0);
    assertTrue(s.figures().serviceLevel() >= 0.8);
    assertTrue(large.with(s.agents() - 1, 20).serviceLevel() < 0.8, "N−1 misses the target");
    assertEquals(1414, s.agents()); // 1,413: 78.6%; 1,414: 81.0%
  }

  @Test
  void occupancyCapCanDecide() {
    // 50% in 20 s alone needs 27 agents; 24/27 = 89% > 85%, 24/28 = 85.7% > 85%, 24/29 = 82.8%.
    Staffing capped = CLASSIC.requiredAgents(20, 0.5, 0.85, 0);
    assertEquals(29, capped.agents());
    assertTrue(capped.figures().occupancy() <= 0.85);
    // The cap is inclusive: 24/30 = 80% exactly.
    assertEquals(30, CLASSIC.requiredAgents(20, 0.5, 0.8, 0).agents());
    assertEquals(31, CLASSIC.requiredAgents(20, 0.5, 0.79, 0).agents());
  }

  @Test
  void serviceLevelTargetOfOneTerminates() {
    Staffing s = CLASSIC.requiredAgents(20, 1.0, 1, 0);
    assertEquals(1.0, s.figures().serviceLevel(), 0);
    assertTrue(s.agents() > 29 && s.agents() < 100, String.valueOf(s.agents()));
  }

  @Test
  void shrinkageScalesTheHeadCountUpInDecimalArithmetic() {
    assertEquals(42, CLASSIC.requiredAgents(20, 0.8, 1, 0.3).agentsWithShrinkage()); // ⌈29 / 0.7⌉ = ⌈41.43⌉
    assertEquals(58, CLASSIC.requiredAgents(20, 0.8, 1, 0.5).agentsWithShrinkage());
    // 17 Erlangs need 21 agents for 80/20; 21 / (1 − 0.3) is exactly 30, though doubles say 30.000000000000004.
    Staffing s = ErlangC.of(340, 180).requiredAgents(20, 0.8, 1, 0.3);
    assertEquals(21, s.agents());
    assertEquals(30, s.agentsWithShrinkage());
  }

  @Test
  void everyParameterIsValidatedByName() {
    assertInvalid("arrivalsPerHour", () -> ErlangC.of(-1, 180));
    assertInvalid("arrivalsPerHour", () -> ErlangC.of(Double.NaN, 180));
    assertInvalid("arrivalsPerHour", () -> ErlangC.of(Double.POSITIVE_INFINITY, 180));
    assertInvalid("arrivalsPerHour", () -> ErlangC.of(1e8, 180));
    assertInvalid("ahtSeconds", () -> ErlangC.of(100, 0));
    assertInvalid("ahtSeconds", () -> ErlangC.of(100, -5));
    assertInvalid("ahtSeconds", () -> ErlangC.of(100, 90_000));
    assertInvalid("ahtSeconds", () -> ErlangC.of(100, Double.NaN));
    assertInvalid("agents", () -> CLASSIC.with(0, 20));
    assertInvalid("agents", () -> CLASSIC.with(-3, 20));
    assertInvalid("agents", () -> CLASSIC.with(ErlangC.MAX_AGENTS + 1, 20));
    assertInvalid("thresholdSeconds", () -> CLASSIC.with(30, -1));
    assertInvalid("thresholdSeconds", () -> CLASSIC.with(30, Double.NaN));
    assertInvalid("thresholdSeconds", () -> CLASSIC.with(30, 100_000));
    assertInvalid("thresholdSeconds", () -> CLASSIC.requiredAgents(-1, 0.8, 1, 0));
    assertInvalid("targetServiceLevel", () -> CLASSIC.requiredAgents(20, 0, 1, 0));
    assertInvalid("targetServiceLevel", () -> CLASSIC.requiredAgents(20, -0.5, 1, 0));
    assertInvalid("targetServiceLevel", () -> CLASSIC.requiredAgents(20, 1.01, 1, 0));
    assertInvalid("targetServiceLevel", () -> CLASSIC.requiredAgents(20, 80, 1, 0));
    assertInvalid("maxOccupancy", () -> CLASSIC.requiredAgents(20, 0.8, 0, 0));
    assertInvalid("maxOccupancy", () -> CLASSIC.requiredAgents(20, 0.8, 1.5, 0));
    assertInvalid("shrinkage", () -> CLASSIC.requiredAgents(20, 0.8, 1, -0.1));
    assertInvalid("shrinkage", () -> CLASSIC.requiredAgents(20, 0.8, 1, 1));
    assertInvalid("shrinkage", () -> CLASSIC.requiredAgents(20, 0.8, 1, 1.5));
    assertInvalid("shrinkage", () -> CLASSIC.requiredAgents(20, 0.8, 1, 0.99999));
  }

  @Test
  void moreThanTheAgentLimitIsRefusedNotLooped() {
    ErlangC tooBig = ErlangC.of(1_500_000, 240); // 100,000 Erlangs
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> tooBig.requiredAgents(20, 0.8, 1, 0));
    assertEquals("arrivalsPerHour", e.field());
    assertEquals("staffing-limit", e.code());
    // …and asking for its figures is an honest "not stable", not an error.
    assertFalse(tooBig.with(ErlangC.MAX_AGENTS, 20).stable());
    // 99,900 Erlangs: 100 spare agents are too few for 80% answered at once (about 350 are needed).
    ErlangC nearly = ErlangC.of(1_498_500, 240);
    assertEquals("staffing-limit", assertThrows(InvalidInputException.class, () -> nearly.requiredAgents(0, 0.8, 1, 0)).code());
  }

  static void assertInvalid(String field, Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call, field);
    assertEquals(field, e.field());
    assertEquals("invalid-parameter", e.code());
  }
}
