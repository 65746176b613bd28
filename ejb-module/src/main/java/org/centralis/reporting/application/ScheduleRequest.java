package org.centralis.reporting.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new subscription. {@code cron} has five fields (minute hour day-of-month month day-of-week) read in the calendar's
 * zone (China Standard Time without a calendar); {@code period} is PREVIOUS_DAY, PREVIOUS_WEEK, PREVIOUS_MONTH,
 * PREVIOUS_QUARTER or PREVIOUS_YEAR; recipients are {@code user:<login>} or {@code role:<ROLE>}; none means the caller.
 */
public record ScheduleRequest(
    @NotBlank @Size(max = 120) String name,
    @NotBlank String report,
    @NotBlank @Size(max = 100) String cron,
    @Size(max = 32) String calendar,
    boolean workingDaysOnly,
    @NotNull String period,
    Long branch,
    String format,
    String locale,
    @Size(max = 50) List<@NotBlank @Size(max = 80) String> recipients) {}
