package org.centralis.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.centralis.reporting.domain.ReportDefinition;
import org.centralis.reports.ReportRenderer;

/**
 * The reports Centralis knows (issue 6). A report is available when its template was compiled into centralis-reports
 * and a data source for it exists here; the others are listed so that the catalog tells the truth about what is coming.
 */
@ApplicationScoped
public class ReportCatalog {

  public static final String BRANCH_COMPARISON = "branch-comparison";
  public static final String COMPLAINT_ANALYSIS = "complaint-analysis";
  public static final String CONTACT_CENTER_DAILY = "contact-center-daily";
  public static final String AGENT_PERFORMANCE = "agent-performance";

  private static final List<ReportDefinition> ENTRIES =
      List.of(
          new ReportDefinition(
              "service-quality-monthly", true, "服务质量月报", "Monthly service quality",
              "Volumes by channel, type and branch; service level, ASA, abandon rate, AHT; first-contact resolution; SLA compliance; complaints by type and root cause, repeats, regulator deadline; CSAT — each against the previous period and the same period last year, with charts."),
          new ReportDefinition(
              CONTACT_CENTER_DAILY, true, "呼叫中心日报", "Contact center daily operations",
              "Per queue and 30-minute interval (optionally one queue): offered, answered, abandoned, service level against the queue's target, ASA, AHT, max wait, agents staffed vs the Erlang C requirement; queue subtotals, day total, a chart per queue. Headquarters scope (where the seats are)."),
          new ReportDefinition(
              AGENT_PERFORMANCE, true, "坐席绩效报表", "Agent performance",
              "Per agent over a period: contacts handled, AHT, occupancy, logged-in time, time by state and not-ready time by reason code, quality score, CSAT; with totals and an occupancy chart."),
          new ReportDefinition(
              "sla-breaches", true, "SLA超时报表", "SLA breaches",
              "Clocks met and breached, compliance per target by branch and category, and the list of breached tickets."),
          new ReportDefinition(
              COMPLAINT_ANALYSIS, true, "投诉分析报表", "Complaint analysis",
              "Complaints by type: critical, repeat, resolved, resolved by the regulator deadline, open past it, days to resolve, amount in dispute; with totals and a bar chart."),
          new ReportDefinition(
              BRANCH_COMPARISON, true, "网点对比报表", "Branch comparison",
              "League table of the city branches in your subtree over a period: tickets logged, closed, open, complaints, share closed, average hours to close; with totals and a bar chart."));

  public List<ReportDefinition> all() {
    return ENTRIES.stream().map(d -> d.available() && !ReportRenderer.hasTemplate(d.code()) ? unavailable(d) : d).toList();
  }

  public Optional<ReportDefinition> find(String code) {
    return all().stream().filter(d -> d.code().equals(code)).findFirst();
  }

  private static ReportDefinition unavailable(ReportDefinition d) {
    return new ReportDefinition(d.code(), false, d.name(), d.nameEn(), d.description());
  }
}
