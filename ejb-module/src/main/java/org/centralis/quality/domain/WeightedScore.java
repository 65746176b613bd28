package org.centralis.quality.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.centralis.shared.domain.InvalidInputException;

/**
 * The score of a QA form (质检评分): each criterion is marked 0..100 points and weighs by its weight;
 * the score is Σ(weight × points) / Σ weight, 0..100, rounded half-up to two decimals. Every
 * criterion of the form must be marked, and none other.
 */
public final class WeightedScore {

  private WeightedScore() {}

  /**
   * @param weights criterion id → weight (> 0), the whole form
   * @param points criterion id → points 0..100
   */
  public static BigDecimal of(Map<Long, BigDecimal> weights, Map<Long, Integer> points) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("a form has at least one criterion");
    }
    if (!weights.keySet().equals(points.keySet())) {
      throw new InvalidInputException("points", "criteria-mismatch", "mark every criterion of the form, and only those", weights.keySet());
    }
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal totalWeight = BigDecimal.ZERO;
    for (Map.Entry<Long, BigDecimal> w : weights.entrySet()) {
      Integer p = points.get(w.getKey());
      if (p == null || p < 0 || p > 100) {
        throw new InvalidInputException("points", "points-range", "points are 0..100 for criterion " + w.getKey(), w.getKey(), p);
      }
      sum = sum.add(w.getValue().multiply(BigDecimal.valueOf(p)));
      totalWeight = totalWeight.add(w.getValue());
    }
    return sum.divide(totalWeight, 2, RoundingMode.HALF_UP);
  }
}
