package org.centralis.acd.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.centralis.shared.domain.InvalidInputException;

/**
 * The Erlang C (M/M/N) model of one queue: Poisson arrivals, exponential handling times, N agents,
 * callers who wait and never hang up. Invariant: the offered traffic A = λ·AHT is finite and
 * non-negative, and every figure it returns is a probability in [0, 1] or a non-negative time —
 * except the mean wait of an overloaded queue (N ≤ A), which is {@link Double#POSITIVE_INFINITY}
 * and flagged by {@link Figures#stable()} = false.
 *
 * <p>The probability of waiting comes from the Erlang B recursion B(k) = A·B(k−1) / (k + A·B(k−1)),
 * then C = N·B / (N − A·(1 − B)). Every step adds and divides positive numbers no larger than A
 * and N, so there are no factorials or powers to overflow and no cancellation: 100,000 agents
 * cost 100,000 steps (a few milliseconds), and C stays within a relative 1e−14 of 60-digit
 * arithmetic even at 99,000 Erlangs (docs/erlang-c.md).
 *
 * <p>Parameter names in the {@link InvalidInputException}s are those of the planning API, so a bad
 * value comes back to the client under the name it sent.
 */
public final class ErlangC {

  /** The most agents the planner considers; it bounds every loop. */
  public static final int MAX_AGENTS = 100_000;

  /** Most arrivals per hour accepted: about 2,800 a second, far above a national center's peak. */
  public static final double MAX_ARRIVALS_PER_HOUR = 10_000_000;

  /** Longest handling time or answer threshold accepted: one day. */
  public static final double MAX_SECONDS = 86_400;

  /** The most agents a shrinkage allowance may scale a requirement up to. */
  public static final long MAX_SCHEDULED_AGENTS = 10L * MAX_AGENTS;

  private final double arrivalsPerHour;
  private final double ahtSeconds;
  private final double traffic;

  private ErlangC(double arrivalsPerHour, double ahtSeconds) {
    this.arrivalsPerHour = arrivalsPerHour;
    this.ahtSeconds = ahtSeconds;
    this.traffic = arrivalsPerHour * ahtSeconds / 3600.0;
  }

  /**
   * A queue offered {@code arrivalsPerHour} contacts an hour, each handled in {@code ahtSeconds}
   * on average (talk + hold + wrap-up).
   */
  public static ErlangC of(double arrivalsPerHour, double ahtSeconds) {
    if (!Double.isFinite(arrivalsPerHour) || arrivalsPerHour < 0 || arrivalsPerHour > MAX_ARRIVALS_PER_HOUR) {
      throw invalid("arrivalsPerHour", "arrivalsPerHour must be from 0 to " + (long) MAX_ARRIVALS_PER_HOUR, arrivalsPerHour);
    }
    if (!Double.isFinite(ahtSeconds) || ahtSeconds <= 0 || ahtSeconds > MAX_SECONDS) {
      throw invalid("ahtSeconds", "ahtSeconds must be above 0 and at most " + (long) MAX_SECONDS, ahtSeconds);
    }
    return new ErlangC(arrivalsPerHour, ahtSeconds);
  }

  public double arrivalsPerHour() {
    return arrivalsPerHour;
  }

  public double ahtSeconds() {
    return ahtSeconds;
  }

  /** Offered traffic A in Erlangs: the average number of agents kept busy. */
  public double trafficErlangs() {
    return traffic;
  }

  /** The figures of the queue staffed with {@code agents}, service level measured at {@code thresholdSeconds}. */
  public Figures with(int agents, double thresholdSeconds) {
    if (agents < 1 || agents > MAX_AGENTS) {
      throw invalid("agents", "agents must be a whole number from 1 to " + MAX_AGENTS, agents);
    }
    requireThreshold(thresholdSeconds);
    double b = 1.0;
    for (int k = 1; k <= agents; k++) {
      b = erlangBStep(b, k);
    }
    return figures(agents, b, thresholdSeconds);
  }

  /** Erlang C: the probability that a contact has to wait, 1 when the queue is overloaded (N ≤ A). */
  public double probabilityOfWaiting(int agents) {
    return with(agents, 0).probabilityOfWaiting();
  }

  /**
   * The fewest agents N with N &gt; A, SL(thresholdSeconds) ≥ targetServiceLevel and A/N ≤
   * maxOccupancy, and the head count to schedule so that N are on the phones after shrinkage s:
   * ⌈N / (1 − s)⌉. Both the service level and the occupancy improve with every agent added, so the
   * first N that meets both is the smallest. No traffic needs no agents.
   *
   * @throws InvalidInputException for a parameter out of range, or (field arrivalsPerHour, code
   *     staffing-limit) when more than {@link #MAX_AGENTS} would be needed
   */
  public Staffing requiredAgents(double thresholdSeconds, double targetServiceLevel, double maxOccupancy, double shrinkage) {
    requireThreshold(thresholdSeconds);
    if (!Double.isFinite(targetServiceLevel) || targetServiceLevel <= 0 || targetServiceLevel > 1) {
      throw invalid("targetServiceLevel", "targetServiceLevel must be above 0 and at most 1 (0.8 for 80%)", targetServiceLevel);
    }
    if (!Double.isFinite(maxOccupancy) || maxOccupancy <= 0 || maxOccupancy > 1) {
      throw invalid("maxOccupancy", "maxOccupancy must be above 0 and at most 1 (0.85 for 85%)", maxOccupancy);
    }
    if (!Double.isFinite(shrinkage) || shrinkage < 0 || shrinkage >= 1) {
      throw invalid("shrinkage", "shrinkage must be at least 0 and below 1 (0.3 for 30%)", shrinkage);
    }
    if (traffic == 0) {
      return new Staffing(0, 0, new Figures(0, 0, 0, 1, 0, 0, true));
    }
    double b = 1.0;
    for (int n = 1; n <= MAX_AGENTS; n++) {
      b = erlangBStep(b, n);
      if (n <= traffic || traffic / n > maxOccupancy) {
        continue;
      }
      Figures f = figures(n, b, thresholdSeconds);
      if (f.serviceLevel() >= targetServiceLevel) {
        return new Staffing(n, withShrinkage(n, shrinkage), f);
      }
    }
    throw new InvalidInputException(
        "arrivalsPerHour",
        "staffing-limit",
        "more than " + MAX_AGENTS + " agents would be needed for " + traffic + " Erlangs; plan the traffic in smaller queues",
        traffic);
  }

  /** One step of the Erlang B recursion: B(k) from B(k−1). Stays in [0, 1]; underflow to 0 is harmless. */
  private double erlangBStep(double previous, int k) {
    double ab = traffic * previous;
    return ab / (k + ab);
  }

  private Figures figures(int n, double erlangB, double thresholdSeconds) {
    if (n <= traffic) {
      // The queue grows without bound: everyone waits, nobody is answered within any threshold,
      // the mean wait diverges, and the agents never idle.
      return new Figures(traffic, n, 1, 0, Double.POSITIVE_INFINITY, 1, false);
    }
    double spare = n - traffic;
    double c = clamp(n * erlangB / (spare + traffic * erlangB));
    double serviceLevel = clamp(1 - c * Math.exp(-spare * thresholdSeconds / ahtSeconds));
    double asa = c * ahtSeconds / spare;
    return new Figures(traffic, n, c, serviceLevel, asa, traffic / n, true);
  }

  /**
   * ⌈n / (1 − s)⌉ in decimal arithmetic: in binary floating point 21 / (1 − 0.3) is
   * 30.000000000000004, which would schedule a 31st agent for nothing.
   */
  private static long withShrinkage(int n, double shrinkage) {
    if (shrinkage == 0) {
      return n;
    }
    BigDecimal onPhones = BigDecimal.ONE.subtract(BigDecimal.valueOf(shrinkage));
    BigDecimal scheduled = BigDecimal.valueOf(n).divide(onPhones, 0, RoundingMode.CEILING);
    if (scheduled.compareTo(BigDecimal.valueOf(MAX_SCHEDULED_AGENTS)) > 0) {
      throw invalid("shrinkage", "with shrinkage " + shrinkage + " more than " + MAX_SCHEDULED_AGENTS + " agents would have to be scheduled", shrinkage);
    }
    return scheduled.longValueExact();
  }

  private static void requireThreshold(double thresholdSeconds) {
    if (!Double.isFinite(thresholdSeconds) || thresholdSeconds < 0 || thresholdSeconds > MAX_SECONDS) {
      throw invalid("thresholdSeconds", "thresholdSeconds must be from 0 to " + (long) MAX_SECONDS, thresholdSeconds);
    }
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }

  private static InvalidInputException invalid(String field, String message, Object value) {
    return new InvalidInputException(field, "invalid-parameter", message, field, value);
  }

  @Override
  public String toString() {
    return "ErlangC[" + arrivalsPerHour + "/h × " + ahtSeconds + " s = " + traffic + " Erlangs]";
  }

  /**
   * The steady state of a queue with a given number of agents.
   *
   * @param trafficErlangs offered traffic A
   * @param agents agents N on the phones
   * @param probabilityOfWaiting Erlang C: the share of contacts that wait at all
   * @param serviceLevel the share answered within the threshold
   * @param asaSeconds mean wait over all contacts (average speed of answer); +∞ when not stable
   * @param occupancy the share of agent time spent handling, A/N; 1 when not stable
   * @param stable whether N &gt; A, i.e. the queue does not grow without bound
   */
  public record Figures(
      double trafficErlangs,
      int agents,
      double probabilityOfWaiting,
      double serviceLevel,
      double asaSeconds,
      double occupancy,
      boolean stable) {}

  /**
   * A staffing requirement.
   *
   * @param agents agents needed on the phones
   * @param agentsWithShrinkage agents to schedule so that {@code agents} remain after breaks,
   *     training, absence (shrinkage)
   * @param figures the queue's figures with {@code agents}
   */
  public record Staffing(int agents, long agentsWithShrinkage, Figures figures) {}
}
