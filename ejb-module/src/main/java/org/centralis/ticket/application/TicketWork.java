package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.domain.ForbiddenException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketEvent;
import org.centralis.ticket.domain.TicketStatus;

/**
 * Working a ticket through its lifecycle (accept, reject, return, start, pend, resume, resolve,
 * close, reopen, cancel, transfer, reclassify, merge, comment) and a team's work views. Who may act is decided here,
 * by {@link TicketAction#permitted}: the caller must see the ticket (owning branch subtree) or be a
 * member of the team it is assigned to — an HQ department works an outlet's ticket. Each action is
 * audited as the last step of its transaction; a concurrent change answers {@code concurrent-change}.
 */
@Stateless
@RolesAllowed({
  Role.BRANCH_STAFF_NAME,
  Role.AGENT_NAME,
  Role.SUPERVISOR_NAME,
  Role.HQ_MANAGER_NAME,
  Role.AUDITOR_NAME,
  Role.ADMIN_NAME
})
public class TicketWork {

  /** Open statuses a team's queue shows when no status is asked for. */
  static final Set<TicketStatus> TEAM_OPEN =
      EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS, TicketStatus.PENDING_CUSTOMER, TicketStatus.REOPENED);

  private static final int CLAIM_CANDIDATES = 5;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private OrganizationDirectory organization;
  @Inject private AuditTrail auditTrail;
  @Inject private TicketViews views;
  @Inject private Event<TicketChanged> changes;
  @Inject private TicketAccess access;
  @Inject private TicketTasks tasks;

  /** Performs one action on a ticket and answers the ticket as it is now. */
  public TicketView act(@NotNull String number, @NotNull TicketAction action, @NotNull @Valid TicketActionRequest request) {
    Caller caller = currentCaller.get();
    Ticket ticket = access.visible(number);
    if (!access.permitted(ticket).contains(action)) {
      throw new ForbiddenException(
          "ticket-action-forbidden", caller.login() + " may not " + action.name().toLowerCase() + " ticket " + number, action.name(), number);
    }
    TicketStatus before = ticket.getStatus();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    if (action == TicketAction.RESOLVE) {
      tasks.requireNonePending(ticket);
    }
    TicketEvent event = apply(ticket, action, request, caller, now);
    if (action == TicketAction.CANCEL || action == TicketAction.MERGE) {
      tasks.cancelAll(ticket, caller.login(), request.text(), now);
    }
    access.flush();
    changes.fire(changed(ticket, before, event));
    audit(ticket, action, before, event);
    return views.of(ticket);
  }

  /** The actions the caller may take on the ticket now (role, relation and status), for the UI. */
  public Set<TicketAction> allowedActions(@NotNull String number) {
    Ticket ticket = access.visible(number);
    Set<TicketAction> allowed = EnumSet.noneOf(TicketAction.class);
    for (TicketAction a : access.permitted(ticket)) {
      if (a.possibleFrom(ticket.getStatus())) {
        allowed.add(a);
      }
    }
    return allowed;
  }

  /**
   * A team's workload (待办), oldest dispatch first: the team's members and supervisors who see
   * the team's branch. {@code status} null means all open statuses.
   */
  public Page<TicketSummary> teamQueue(long teamId, TicketStatus status, @Min(0) int offset, @Min(1) @Max(500) int limit) {
    TeamQuery q = teamQuery(teamId, status);
    List<Ticket> tickets = q.rows().setFirstResult(offset).setMaxResults(limit).getResultList();
    return new Page<>(views.summaries(tickets), q.count().getSingleResult(), offset, limit);
  }

  /**
   * The whole team queue, as {@link #teamQueue} would page it, for an export (导出) within {@link ListExport}'s limit.
   * Audited as TEAM_QUEUE_EXPORTED (the team, the status asked and the row count).
   */
  public List<TicketSummary> teamQueueExport(long teamId, TicketStatus status) {
    TeamQuery q = teamQuery(teamId, status);
    List<TicketSummary> rows = ListExport.readAll(em, q.rows(), q.count().getSingleResult(), views::summaries);
    auditTrail.record(new AuditEntry("TEAM_QUEUE_EXPORTED", "TEAM", Long.toString(teamId), null, rows.size() + " rows; status=" + (status == null ? "open" : status)));
    return rows;
  }

  private record TeamQuery(TypedQuery<Ticket> rows, TypedQuery<Long> count) {}

  private TeamQuery teamQuery(long teamId, TicketStatus status) {
    access.requireTeamView(teamId);
    Set<TicketStatus> statuses = status == null ? TEAM_OPEN : EnumSet.of(status);
    String where = " WHERE t.assignedTeamId = :team AND t.status IN :statuses";
    TypedQuery<Ticket> rows =
        em.createQuery("SELECT t FROM Ticket t" + where + " ORDER BY t.dispatchedAt ASC, t.id ASC", Ticket.class)
            .setParameter("team", teamId)
            .setParameter("statuses", statuses);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(t) FROM Ticket t" + where, Long.class).setParameter("team", teamId).setParameter("statuses", statuses);
    return new TeamQuery(rows, count);
  }

  /** How many of the team's tickets are in each status (statuses with none are 0). */
  public Map<TicketStatus, Long> teamCounts(long teamId) {
    access.requireTeamView(teamId);
    Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
    for (TicketStatus s : TicketStatus.values()) {
      counts.put(s, 0L);
    }
    em.createQuery("SELECT t.status, COUNT(t) FROM Ticket t WHERE t.assignedTeamId = :team GROUP BY t.status", Object[].class)
        .setParameter("team", teamId)
        .getResultList()
        .forEach(row -> counts.put((TicketStatus) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /**
   * "Claim next" (抢单/取单): the oldest DISPATCHED ticket of the caller's team, accepted by the
   * caller. Two members claiming at once get different tickets: the chosen row is locked by its
   * primary key and checked again; if someone else took it meanwhile, the next candidate is tried.
   *
   * @return empty when the team has nothing waiting
   */
  public Optional<TicketView> claimNext(long teamId) {
    Caller caller = currentCaller.get();
    boolean member = access.myTeam().filter(t -> t == teamId).isPresent();
    boolean worker = caller.has(Role.BRANCH_STAFF) || caller.has(Role.AGENT) || caller.has(Role.SUPERVISOR);
    if (!member || !worker) {
      throw new ForbiddenException("not-team-member", caller.login() + " is not a member of team " + teamId, teamId);
    }
    for (int round = 0; round < 3; round++) {
      List<Long> candidates =
          em.createQuery(
                  "SELECT t.id FROM Ticket t WHERE t.assignedTeamId = :team AND t.status = :status ORDER BY t.dispatchedAt ASC, t.id ASC",
                  Long.class)
              .setParameter("team", teamId)
              .setParameter("status", TicketStatus.DISPATCHED)
              .setMaxResults(CLAIM_CANDIDATES)
              .getResultList();
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      for (Long id : candidates) {
        // Waits for a competing claim to commit, then reads the row as it is now.
        Ticket ticket = em.find(Ticket.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null || ticket.getStatus() != TicketStatus.DISPATCHED || !Long.valueOf(teamId).equals(ticket.getAssignedTeamId())) {
          continue;
        }
        TicketEvent event = ticket.accept(caller.staffId(), caller.login(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        access.flush();
        changes.fire(changed(ticket, TicketStatus.DISPATCHED, event));
        audit(ticket, TicketAction.ACCEPT, TicketStatus.DISPATCHED, event);
        return Optional.of(views.of(ticket));
      }
    }
    return Optional.empty();
  }

  private TicketEvent apply(Ticket t, TicketAction action, TicketActionRequest r, Caller caller, Instant now) {
    String who = caller.login();
    return switch (action) {
      case ACCEPT -> t.accept(caller.staffId(), who, now);
      case REJECT -> t.reject(who, r.text(), now);
      case RETURN -> t.returnToDispatcher(who, r.text(), now);
      case START -> t.startWork(who, now);
      case PEND -> t.waitForCustomer(who, r.text(), now);
      case RESUME -> t.resume(who, r.noteOrReason(), now);
      case RESOLVE -> t.resolve(who, r.noteOrReason(), now);
      case CLOSE -> t.close(who, r.noteOrReason(), now);
      case REOPEN -> t.reopen(who, r.text(), now);
      case CANCEL -> t.cancel(who, r.text(), now);
      case TRANSFER -> {
        if (r.teamId() != null && organization.team(r.teamId()).isEmpty()) {
          throw new InvalidInputException("teamId", "unknown-team", "no team " + r.teamId(), r.teamId());
        }
        if (r.teamId() != null && r.teamId().equals(t.getAssignedTeamId()) && t.getStatus() == TicketStatus.DISPATCHED) {
          throw new InvalidInputException("teamId", "same-team", "ticket " + t.getNumber() + " is already with team " + r.teamId(), r.teamId());
        }
        yield t.transferTo(r.teamId(), who, r.text(), now);
      }
      case RECLASSIFY -> t.reclassify(category(r.categoryId()), r.priority(), who, r.text(), now);
      case MERGE -> t.mergeInto(original(r.targetNumber()), who, r.text(), now);
      case COMMENT -> t.comment(who, r.noteOrReason(), r.visibility(), now);
    };
  }

  /** The ticket a duplicate is merged into: one the caller sees. */
  private Ticket original(String number) {
    if (number == null || number.isBlank()) {
      throw new InvalidInputException("targetNumber", "target-required", "a merge names the ticket that stays");
    }
    try {
      return access.visible(number.strip());
    } catch (NotFoundException e) {
      throw new InvalidInputException("targetNumber", "unknown-target", "no ticket " + number.strip() + " that you can see", number.strip());
    }
  }

  /** An active category by id; null when none is asked for. */
  private TicketCategory category(Long id) {
    if (id == null) {
      return null;
    }
    TicketCategory category = em.find(TicketCategory.class, id);
    if (category == null || !category.isActive()) {
      throw new InvalidInputException("categoryId", "unknown-category", "no active category " + id, id);
    }
    return category;
  }

  private static TicketChanged changed(Ticket ticket, TicketStatus before, TicketEvent event) {
    return new TicketChanged(ticket.getId(), ticket.getNumber().value(), before, ticket.getStatus(), event.getKind(), event.getActorLogin(), event.getOccurredAt());
  }

  private void audit(Ticket ticket, TicketAction action, TicketStatus before, TicketEvent event) {
    StringBuilder after = new StringBuilder(ticket.getStatus().name());
    if (action == TicketAction.TRANSFER || action == TicketAction.ACCEPT) {
      after.append(" team ").append(ticket.getAssignedTeamId());
    }
    if (event.getVisibility() != null) {
      after.append(' ').append(event.getVisibility());
    }
    if (event.getDetail() != null) {
      String d = event.getDetail();
      after.append(": ").append(d.length() > 200 ? d.substring(0, 200) + "…" : d);
    }
    auditTrail.record(new AuditEntry(action.auditAction(), "TICKET", ticket.getNumber().value(), before.name(), after.toString()));
  }
}
