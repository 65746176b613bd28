package org.centralis.reporting.application;

import java.time.Instant;
import java.util.Locale;
import org.centralis.reporting.domain.ComparisonPeriods;

/** Reads the service-quality figures (implemented over the report read model, the same query as the monthly report). */
public interface ServiceQualityFigures {

  KpiBoard read(ComparisonPeriods periods, String scopePath, Instant dataAsOf, Locale locale);
}
