package org.centralis.reporting.application;

/**
 * One figure of the service-quality report / HQ dashboard (docs/metrics.md): values for the period, the previous period
 * and last year (null = no figure), and the changes (points as a fraction for rates, relative otherwise).
 */
public record KpiFigure(
    int section, String metric, String item, String unit, boolean charted,
    Double current, Double previous, Double lastYear, Double previousChange, Double lastYearChange) {

  public boolean rate() {
    return "PERCENT".equals(unit);
  }
}
