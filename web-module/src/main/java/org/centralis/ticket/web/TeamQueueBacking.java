package org.centralis.ticket.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.TeamRef;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.shared.web.SpreadsheetFile;
import org.centralis.ticket.application.TaskView;
import org.centralis.ticket.application.TicketSummary;
import org.centralis.ticket.application.TicketTasks;
import org.centralis.ticket.application.TicketView;
import org.centralis.ticket.application.TicketWork;
import org.centralis.ticket.domain.TicketStatus;
import org.primefaces.model.StreamedContent;

/** My team's workload (/tickets/team.xhtml): counts per status, the open queue, "claim next", and the sub-tasks other teams sent it. */
@Named
@ViewScoped
public class TeamQueueBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int QUEUE_SIZE = 50;

  @Inject private TicketWork work;
  @Inject private OrganizationDirectory organization;
  @Inject private TicketTasks tasks;

  private TeamRef team;
  private Map<TicketStatus, Long> counts = Map.of();
  private List<TicketSummary> queue = List.of();
  private long total;
  private List<TaskView> subTasks = List.of();

  /** View action; also the refresh button. */
  public void load() {
    try {
      Optional<Long> mine = organization.myTeamId();
      team = mine.flatMap(organization::team).orElse(null);
      if (team == null) {
        return;
      }
      counts = work.teamCounts(team.id());
      var page = work.teamQueue(team.id(), null, 0, QUEUE_SIZE);
      queue = page.items();
      total = page.total();
      subTasks = tasks.ofTeam(team.id());
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** Accepts the oldest dispatched ticket and opens it; says so when nothing is waiting. */
  public void claimNext() throws IOException {
    try {
      Optional<TicketView> claimed = work.claimNext(team.id());
      if (claimed.isEmpty()) {
        Messages.info("team.claim.none");
        load();
        return;
      }
      Messages.info("team.claim.done", claimed.get().number());
      Messages.keep();
      FacesContext fc = FacesContext.getCurrentInstance();
      fc.getExternalContext().redirect(fc.getExternalContext().getRequestContextPath() + "/tickets/view.xhtml?number=" + claimed.get().number());
    } catch (RuntimeException e) {
      Messages.handle(e);
      load();
    }
  }

  /** The team's whole open queue as a spreadsheet (导出): {@code xlsx} or {@code csv}, in the page's language. */
  public StreamedContent export(String format) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    try {
      List<TicketSummary> rows = work.teamQueueExport(team.id(), null);
      return SpreadsheetFile.of("team-tickets", as, out -> TicketSheet.write(as, rows, Messages.locale(), out));
    } catch (RuntimeException e) {
      Messages.handle(e);
      return null;
    }
  }

  public List<String> getOpenStatuses() {
    return List.of("DISPATCHED", "ACCEPTED", "IN_PROGRESS", "PENDING_CUSTOMER", "REOPENED");
  }

  public long count(String status) {
    return counts.getOrDefault(TicketStatus.valueOf(status), 0L);
  }

  public String getShownText() {
    return Messages.text("team.shown", queue.size(), total);
  }

  public TeamRef getTeam() {
    return team;
  }

  public List<TicketSummary> getQueue() {
    return queue;
  }

  public List<TaskView> getSubTasks() {
    return subTasks;
  }

  public long getTotal() {
    return total;
  }
}
