package org.centralis.acd.domain;

/**
 * How abandoned contacts count in the service level (docs/metrics.md), the same three choices as Cisco's service level
 * types: a queue picks one (ACD_QUEUE.SL_FORMULA, V20), and the wallboard and every report compute it with this class, so one figure never
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
    long denominator = denominator(abandonedWithin, outcomes);
    return denominator == 0 ? Double.NaN : (double) numerator(answeredWithin, abandonedWithin) / denominator;
  }

  /**
   * The contacts that met the level. Numerators and denominators of several queues add up (each with its own formula) to
   * the service level of them together: Σ numerators / Σ denominators — never an average of the queues' levels.
   */
  public long numerator(long answeredWithin, long abandonedWithin) {
    return this == ABANDONS_MET ? answeredWithin + abandonedWithin : answeredWithin;
  }

  /** The contacts that count. */
  public long denominator(long abandonedWithin, long outcomes) {
    return this == ABANDONS_EXCLUDED ? outcomes - abandonedWithin : outcomes;
  }

  /**
   * The numerator as SQL over one aggregate row whose queue's formula is in {@code formulaColumn} — the same rule as
   * {@link #numerator}, for queries that sum over queues with different formulas.
   */
  public static String sqlNumerator(String formulaColumn, String answeredWithin, String abandonedWithin) {
    return "(" + answeredWithin + " + CASE WHEN " + formulaColumn + " = '" + ABANDONS_MET.name() + "' THEN " + abandonedWithin + " ELSE 0 END)";
  }

  /** The denominator as SQL, as {@link #sqlNumerator}. */
  public static String sqlDenominator(String formulaColumn, String abandonedWithin, String outcomes) {
    return "(" + outcomes + " - CASE WHEN " + formulaColumn + " = '" + ABANDONS_EXCLUDED.name() + "' THEN " + abandonedWithin + " ELSE 0 END)";
  }
}
