package org.centralis.ticket.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.web.Charts;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.OpenTicketCount;
import org.centralis.ticket.application.TicketFilter;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.domain.TicketType;

/**
 * Headquarters' live figures, counted from the tickets themselves (not from reports): open
 * tickets, tickets logged today (service-center time), open complaints, and open tickets per city
 * branch. The scheduled reports come with the reporting module.
 */
@Named
@ViewScoped
public class TicketKpiBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketQueries queries;
  @Inject private OrganizationDirectory organization;

  private long openTickets;
  private long loggedToday;
  private long complaintsOpen;
  private String branchChart;
  private int branchCount;

  @PostConstruct
  public void refresh() {
    try {
      List<OpenTicketCount> open = queries.countOpen();
      openTickets = sum(open, c -> true);
      complaintsOpen = sum(open, c -> c.type() == TicketType.COMPLAINT);
      LocalDate today = LocalDate.now(Formats.ZONE);
      // bounded on both sides: a one-sided created range loses the index to the scope's (V33)
      Instant from = today.atStartOfDay(Formats.ZONE).toInstant();
      Instant to = today.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
      loggedToday = queries.count(new TicketFilter(null, null, null, null, null, from, to));
      List<String> labels = new ArrayList<>();
      List<Long> values = new ArrayList<>();
      boolean english = Messages.english();
      for (BranchRef b : organization.visibleBranches()) {
        if ("BRANCH".equals(b.kind())) {
          labels.add(b.name(english ? "en" : "zh"));
          values.add(sum(open, c -> c.within(b.path())));
        }
      }
      branchCount = labels.size();
      branchChart =
          branchCount == 0
              ? null
              : Charts.bar(labels, values, Messages.text("hq.chart.series"), labels.stream().map(l -> "#1d4ed8").toList(), false);
    } catch (RuntimeException e) {
      branchChart = null;
      Messages.handle(e);
    }
  }

  private static long sum(List<OpenTicketCount> counts, Predicate<OpenTicketCount> which) {
    return counts.stream().filter(which).mapToLong(OpenTicketCount::count).sum();
  }

  public long getOpenTickets() {
    return openTickets;
  }

  public long getLoggedToday() {
    return loggedToday;
  }

  public long getComplaintsOpen() {
    return complaintsOpen;
  }

  public String getBranchChart() {
    return branchChart;
  }

  public int getBranchCount() {
    return branchCount;
  }
}
