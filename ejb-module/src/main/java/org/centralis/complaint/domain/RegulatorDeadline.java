package org.centralis.complaint.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The deadline a regulator sets for answering a complaint, in calendar days (weekends and holidays
 * count, unlike the internal SLA): the end of the N-th day after the day of intake, in the service
 * center's zone. Intake on 1 March with 15 days → due 16 March 23:59:59.999. The rule is chosen by
 * specificity: taxonomy root and severity, then taxonomy root, then severity, then the default.
 */
public final class RegulatorDeadline {

  /** One row of COMPLAINT_DEADLINE_RULE; null fields match anything. */
  public record Rule(String taxonomyRoot, Severity severity, int calendarDays) {
    public Rule {
      if (calendarDays <= 0) {
        throw new IllegalArgumentException("calendar days must be positive: " + calendarDays);
      }
    }

    boolean matches(String root, Severity s) {
      return (taxonomyRoot == null || taxonomyRoot.equals(root)) && (severity == null || severity == s);
    }

    int specificity() {
      return (taxonomyRoot == null ? 0 : 2) + (severity == null ? 0 : 1);
    }
  }

  private RegulatorDeadline() {}

  public static int calendarDays(List<Rule> rules, String taxonomyRoot, Severity severity) {
    return rules.stream()
        .filter(r -> r.matches(taxonomyRoot, severity))
        .max(Comparator.comparingInt(Rule::specificity))
        .map(Rule::calendarDays)
        .orElseThrow(() -> new IllegalStateException("no regulator deadline rule matches " + taxonomyRoot + "/" + severity));
  }

  public static Instant due(Instant intake, int calendarDays, ZoneId zone) {
    Objects.requireNonNull(intake);
    LocalDate day = LocalDate.ofInstant(intake, zone).plusDays(calendarDays + 1L);
    return day.atStartOfDay(zone).toInstant().minusMillis(1);
  }
}
