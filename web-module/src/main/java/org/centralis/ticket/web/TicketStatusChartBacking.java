package org.centralis.ticket.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.centralis.shared.web.Charts;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.domain.TicketStatus;

/**
 * The supervisor's overview: how many tickets of their scope are in each status, as a bar chart
 * and as figures. One count query per status (the list query's total).
 */
@Named
@ViewScoped
public class TicketStatusChartBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketQueries queries;

  private final List<StatusCount> counts = new ArrayList<>();
  private String chart;
  private long open;

  /** A status and its count, for the figures beside the chart. */
  public record StatusCount(String status, long count) implements Serializable {
    public String getStatus() {
      return status;
    }

    public long getCount() {
      return count;
    }
  }

  @PostConstruct
  public void refresh() {
    counts.clear();
    open = 0;
    try {
      queries.countByStatus().forEach((s, n) -> {
        counts.add(new StatusCount(s.name(), n));
        if (s.isOpen()) {
          open += n;
        }
      });
      chart =
          Charts.bar(
              counts.stream().map(c -> Messages.text("ticket.status." + c.status())).toList(),
              counts.stream().map(StatusCount::count).toList(),
              Messages.text("supervisor.chart.series"),
              counts.stream().map(c -> StatusColors.of(TicketStatus.valueOf(c.status()))).toList(),
              false);
    } catch (RuntimeException e) {
      chart = null;
      Messages.handle(e);
    }
  }

  public List<StatusCount> getCounts() {
    return counts;
  }

  public String getChart() {
    return chart;
  }

  public long getOpen() {
    return open;
  }
}
