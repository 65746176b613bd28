package org.centralis.sla.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.shared.web.SpreadsheetFile;
import org.centralis.sla.application.AtRiskClocks;
import org.centralis.sla.domain.SlaMetric;
import org.primefaces.model.StreamedContent;

/** The at-risk page (tickets/at-risk.xhtml): deadlines still counting in the caller's subtree, refreshed by a poll. */
@Named
@ViewScoped
public class AtRiskBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int ROWS = 200;

  @Inject private AtRiskClocks atRisk;

  private String metric;
  private boolean breachedOnly;
  private transient List<AtRiskClocks.Row> rows;

  public List<AtRiskClocks.Row> getRows() {
    if (rows == null) {
      rows = atRisk.list(metric == null || metric.isBlank() ? null : SlaMetric.valueOf(metric), breachedOnly, ROWS);
    }
    return rows;
  }

  public long getBreachedCount() {
    return getRows().stream().filter(r -> "BREACHED".equals(r.state())).count();
  }

  /** The list as filtered now (up to 500 rows), as a spreadsheet in the page's language; the export is audited. */
  public StreamedContent export(String format) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    try {
      List<AtRiskClocks.Row> all = atRisk.export(metric == null || metric.isBlank() ? null : SlaMetric.valueOf(metric), breachedOnly);
      return SpreadsheetFile.of("at-risk", as, out -> AtRiskSheet.write(as, all, Messages.locale(), out));
    } catch (RuntimeException e) {
      Messages.handle(e);
      return null;
    }
  }

  /** Re-reads on the next render (filter change, poll). */
  public void refresh() {
    rows = null;
  }

  public List<String> getMetrics() {
    return List.of(SlaMetric.FIRST_RESPONSE.name(), SlaMetric.NEXT_UPDATE.name(), SlaMetric.RESOLUTION.name());
  }

  /** The row's style: breached, under 25% of the target left, or fine. */
  public String urgency(AtRiskClocks.Row row) {
    if (row.remainingSeconds() < 0) {
      return "breached";
    }
    return row.elapsedPercent() >= 75 ? "warning" : "ok";
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public boolean isBreachedOnly() {
    return breachedOnly;
  }

  public void setBreachedOnly(boolean breachedOnly) {
    this.breachedOnly = breachedOnly;
  }
}
