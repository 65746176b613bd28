package org.centralis.reporting.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.centralis.reporting.domain.ComparisonPeriods;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * The HQ dashboard's headline figures: the current calendar month (China Standard Time) of the caller's subtree against
 * the previous month and the same month last year — the figures of the monthly service-quality report for that month,
 * read with the same query, so a number on the dashboard and in the report is the same number.
 */
@Stateless
@RolesAllowed({Role.HQ_MANAGER_NAME, Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReportKpis {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Inject private CurrentCaller currentCaller;
  @Inject private ServiceQualityFigures figures;

  public KpiBoard currentMonth(Locale locale) {
    Instant now = Instant.now();
    return figures.read(ComparisonPeriods.monthOf(LocalDate.ofInstant(now, CHINA)), currentCaller.get().branchPath(), now, locale);
  }
}
