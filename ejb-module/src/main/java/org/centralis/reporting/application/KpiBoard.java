package org.centralis.reporting.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.centralis.reporting.domain.ComparisonPeriods;

/** The headline figures of a scope for a period, as the monthly service-quality report computes them. */
public record KpiBoard(ComparisonPeriods periods, String scopePath, boolean contactCenterInScope, Instant dataAsOf, List<KpiFigure> figures) {

  /** The figure without an item (a total or a rate), e.g. {@code acd.serviceLevel}. */
  public Optional<KpiFigure> figure(String metric) {
    return figures.stream().filter(f -> f.metric().equals(metric) && f.item() == null).findFirst();
  }

  public List<KpiFigure> section(int section, boolean chartedOnly) {
    return figures.stream().filter(f -> f.section() == section && (!chartedOnly || f.charted())).toList();
  }
}
