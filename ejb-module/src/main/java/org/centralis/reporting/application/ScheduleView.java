package org.centralis.reporting.application;

import java.time.Instant;
import java.util.List;
import org.centralis.reporting.domain.ReportSchedule;

/** A subscription as the API and the HQ page show it. */
public record ScheduleView(
    long id,
    String name,
    String report,
    String cron,
    String zone,
    String calendar,
    boolean workingDaysOnly,
    String period,
    Long branch,
    String scopePath,
    String format,
    String locale,
    String owner,
    boolean active,
    Instant nextFireAt,
    Instant lastFiredAt,
    List<String> recipients) {

  static ScheduleView of(ReportSchedule s) {
    return new ScheduleView(
        s.getId(), s.getName(), s.getReportCode(), s.getCron(), s.getZoneId(), s.getCalendarCode(), s.isWorkingDaysOnly(), s.getPeriod().name(),
        s.getBranchId(), s.getScopePath(), s.getFormat().name(), s.getLocale(), s.getOwnerLogin(), s.isActive(), s.getNextFireAt(), s.getLastFiredAt(),
        s.getRecipients().stream().map(r -> r.kind().name().toLowerCase() + ":" + r.value()).sorted().toList());
  }
}
