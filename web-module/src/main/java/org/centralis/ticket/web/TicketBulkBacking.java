package org.centralis.ticket.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.TeamRef;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.TicketAction;
import org.centralis.ticket.application.TicketActionRequest;
import org.centralis.ticket.application.TicketBulk;
import org.centralis.ticket.application.TicketSummary;
import org.primefaces.PrimeFaces;

/**
 * The bulk bar of the ticket table (supervisors): the ticked rows, one action for all of them, and
 * what happened to each — done, or refused with the reason in the reader's language.
 */
@Named
@ViewScoped
public class TicketBulkBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketBulk bulk;
  @Inject private OrganizationDirectory organization;

  private List<TicketSummary> selected = new ArrayList<>();
  private String action = "transfer";
  private Long teamId;
  private String text;
  private List<TeamRef> teams;
  private String summary;
  private List<TicketBulk.Outcome> refused = List.of();

  public void apply() {
    try {
      TicketAction a = TicketAction.valueOf(action.toUpperCase(Locale.ROOT));
      boolean note = a == TicketAction.CLOSE || a == TicketAction.COMMENT;
      TicketBulk.Result result = bulk.apply(
          selected.stream().map(TicketSummary::number).toList(), a,
          new TicketActionRequest(note ? null : text, note ? text : null, a == TicketAction.TRANSFER ? teamId : null, null, null, null, null));
      summary = Messages.text("ticket.bulk.summary", result.succeeded(), result.failed());
      refused = result.outcomes().stream().filter(o -> !o.done()).toList();
      selected = new ArrayList<>();
      PrimeFaces.current().ajax().update("ticketsForm:tickets");
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** Why a ticket was refused, from the problem code (the service's English detail when the bundle has no text). */
  public String problemText(TicketBulk.Outcome o) {
    return Messages.textOr("error." + o.problem(), o.detail());
  }

  public List<String> getActions() {
    return TicketBulk.ACTIONS.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
  }

  public List<TeamRef> getTeams() {
    if (teams == null) {
      teams = organization.teams();
    }
    return teams;
  }

  public List<TicketSummary> getSelected() {
    return selected;
  }

  public void setSelected(List<TicketSummary> v) {
    selected = v == null ? new ArrayList<>() : v;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String v) {
    action = v;
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long v) {
    teamId = v;
  }

  public String getText() {
    return text;
  }

  public void setText(String v) {
    text = v;
  }

  public String getSummary() {
    return summary;
  }

  public List<TicketBulk.Outcome> getRefused() {
    return refused;
  }
}
