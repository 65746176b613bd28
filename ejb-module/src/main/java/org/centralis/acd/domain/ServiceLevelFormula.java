package org.centralis.acd.domain;

/**
 * How abandoned contacts count in the service level (docs/metrics.md), the same three choices as Cisco's service level
 * types: a queue picks one, and the wallboard and every report compute it with this class, so one figure never
 * differs between them.
 *
 * <p>Inputs for a queue and an interval, all counted over contacts whose outcome (answered or abandoned) fell in the
 * interval: {@code answeredWithin} answered within the threshold, {@code abandonedWithin} abandoned within the
 * threshold, {@code outcomes} all answered plus all abandoned.
 */
public enum ServiceLevelFormula {
  /** Abandons within the threshold are left out of the denominator: SL = answeredWithin / (outcomes − abandonedWithin). */
  ABANDONS_EXCLUDED,
  /** Every abandon counts against: SL = answeredWithin / outcomes. */
  ABANDONS_MISSED,
  /** Abandons within the threshold count as met: SL = (answeredWithin + abandonedWithin) / outcomes. */
  ABANDONS_MET;

  /** The service level as a fraction 0–1, or NaN when nothing counts (no contacts: no figure, not 100%). */
  public double of(long answeredWithin, long abandonedWithin, long outcomes) {
    if (answeredWithin < 0 || abandonedWithin < 0 || answeredWithin + abandonedWithin > outcomes) {
      throw new IllegalArgumentException(
          "within-threshold counts (" + answeredWithin + " answered, " + abandonedWithin + " abandoned) exceed the " + outcomes + " outcomes");
    }
    long numerator = this == ABANDONS_MET ? answeredWithin + abandonedWithin : answeredWithin;
    long denominator = this == ABANDONS_EXCLUDED ? outcomes - abandonedWithin : outcomes;
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
