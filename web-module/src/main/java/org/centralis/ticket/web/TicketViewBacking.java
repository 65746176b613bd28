package org.centralis.ticket.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.TeamRef;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.CategoryRef;
import org.centralis.ticket.application.RelatedTickets;
import org.centralis.ticket.application.TicketAction;
import org.centralis.ticket.application.TicketActionRequest;
import org.centralis.ticket.application.TicketCatalog;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.application.TicketSummary;
import org.centralis.ticket.application.TicketView;
import org.centralis.ticket.application.TicketWork;
import org.centralis.ticket.domain.CommentVisibility;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketType;
import org.primefaces.PrimeFaces;

/**
 * One ticket with its timeline and the actions the signed-in person may take on it now:
 * /tickets/view.xhtml?number=T20261123-000123.
 */
@Named
@ViewScoped
public class TicketViewBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Actions that ask for a reason or a note in a dialog; the others run on a click. */
  private static final Set<TicketAction> WITH_INPUT =
      Set.of(
          TicketAction.REJECT, TicketAction.RETURN, TicketAction.PEND, TicketAction.RESOLVE, TicketAction.REOPEN,
          TicketAction.CANCEL, TicketAction.TRANSFER, TicketAction.RECLASSIFY, TicketAction.MERGE, TicketAction.COMMENT);

  @Inject private TicketQueries queries;
  @Inject private TicketWork work;
  @Inject private OrganizationDirectory organization;
  @Inject private TicketCatalog catalog;
  @Inject private RelatedTickets related;

  private String number;
  private TicketView ticket;
  private List<String> actions = List.of();

  private String pending;
  private String text;
  private Long teamId;
  private String visibility = CommentVisibility.INTERNAL.name();
  private List<TeamRef> teams;
  private Long categoryId;
  private Priority priority;
  private List<CategoryRef> categories;
  private String targetNumber;
  private List<TicketSummary> mergeTargets = List.of();

  /** View action; also the refresh button. */
  public void load() {
    if (number == null || number.isBlank()) {
      return;
    }
    try {
      ticket = queries.find(number.strip());
      actions = work.allowedActions(number.strip()).stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
    } catch (NotFoundException e) {
      ticket = null; // the page says so in place of the ticket
      actions = List.of();
    } catch (RuntimeException e) {
      ticket = null;
      actions = List.of();
      Messages.handle(e);
    }
  }

  /** True if the action runs only after the dialog asked for its reason or note. */
  public boolean needsInput(String action) {
    return WITH_INPUT.contains(TicketAction.valueOf(action.toUpperCase(Locale.ROOT)));
  }

  /** Opens the dialog for an action. */
  public void prepare(String action) {
    pending = action;
    text = null;
    teamId = null;
    visibility = CommentVisibility.INTERNAL.name();
    if (TicketAction.RECLASSIFY.name().equalsIgnoreCase(action) && ticket != null) {
      // the dialog starts from what the ticket is now; the person changes one or both
      categories = catalog.categories(TicketType.valueOf(ticket.type()));
      categoryId = categories.stream().filter(c -> c.code().equals(ticket.categoryCode())).map(CategoryRef::id).findFirst().orElse(null);
      priority = Priority.valueOf(ticket.priority());
    }
    if (TicketAction.MERGE.name().equalsIgnoreCase(action) && ticket != null && ticket.customer() != null) {
      targetNumber = null;
      mergeTargets = mergeCandidates();
    }
  }

  /** The customer's other open tickets of the last year that the reader sees, newest first: where a duplicate may go. */
  private List<TicketSummary> mergeCandidates() {
    try {
      return related.of(ticket.customer().id(), null, 366).stream()
          .filter(t -> !t.number().equals(ticket.number()) && !t.status().equals("CLOSED") && !t.status().equals("CANCELLED"))
          .toList();
    } catch (RuntimeException e) {
      Messages.handle(e);
      return List.of();
    }
  }

  /** Runs the action prepared in the dialog. */
  public void submit() {
    if (pending != null && perform(pending)) {
      pending = null;
    } else {
      PrimeFaces.current().ajax().addCallbackParam("failed", true);
    }
  }

  /** Runs an action; a refusal (status, role, concurrent change) is shown as a message. */
  public boolean perform(String action) {
    try {
      TicketAction a = TicketAction.valueOf(action.toUpperCase(Locale.ROOT));
      String reason = a == TicketAction.RESOLVE || a == TicketAction.COMMENT ? null : text;
      String note = a == TicketAction.RESOLVE || a == TicketAction.COMMENT ? text : null;
      CommentVisibility v = a == TicketAction.COMMENT && visibility != null ? CommentVisibility.valueOf(visibility) : null;
      boolean reclassify = a == TicketAction.RECLASSIFY;
      work.act(number.strip(), a, new TicketActionRequest(reason, note, a == TicketAction.TRANSFER ? teamId : null, v,
          reclassify ? categoryId : null, reclassify ? priority : null, a == TicketAction.MERGE ? targetNumber : null));
      Messages.info("ticket.action.done", number.strip());
      load();
      return true;
    } catch (RuntimeException e) {
      Messages.handle(e);
      load();
      return false;
    }
  }

  /** The teams a ticket can be transferred to, loaded when first asked for. */
  public List<TeamRef> getTeams() {
    if (teams == null) {
      teams = organization.teams();
    }
    return teams;
  }

  /** The timeline newest first, as people read a history. */
  public List<TicketView.Event> getTimeline() {
    if (ticket == null) {
      return List.of();
    }
    List<TicketView.Event> events = new ArrayList<>(ticket.timeline());
    Collections.reverse(events);
    return events;
  }

  public TicketView getTicket() {
    return ticket;
  }

  public List<String> getActions() {
    return actions;
  }

  public String getPending() {
    return pending;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }

  public String getVisibility() {
    return visibility;
  }

  public void setVisibility(String visibility) {
    this.visibility = visibility;
  }

  /** The categories of the ticket's type, for the reclassify dialog. */
  public List<CategoryRef> getCategories() {
    return categories == null ? List.of() : categories;
  }

  public String categoryName(CategoryRef c) {
    return Messages.english() && c.nameEn() != null ? c.nameEn() : c.name();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public void setCategoryId(Long categoryId) {
    this.categoryId = categoryId;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public String getNumber() {
    return number;
  }

  public String getTargetNumber() {
    return targetNumber;
  }

  public void setTargetNumber(String targetNumber) {
    this.targetNumber = targetNumber;
  }

  public List<TicketSummary> getMergeTargets() {
    return mergeTargets;
  }

  public void setNumber(String number) {
    this.number = number;
  }
}
