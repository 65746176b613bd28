package org.centralis.returnvisit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
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
import java.util.List;
import java.util.Optional;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.customer.application.CustomerRef;
import org.centralis.quality.application.QualityScoring;
import org.centralis.returnvisit.domain.ReturnVisit;
import org.centralis.returnvisit.domain.ReturnVisitSampling;
import org.centralis.returnvisit.domain.ReturnVisitStatus;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.application.TicketChanged;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketEvent;
import org.centralis.ticket.domain.TicketStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Return visits (回访): planned when a ticket becomes RESOLVED and the sampling rules take it; worked
 * by agents from their queue. A reached customer's CSAT ≤ 2 reopens the ticket (through
 * {@link Ticket#reopen}, firing {@link TicketChanged} and audited like any reopen), flags the visit
 * as escalated and puts the ticket in the QA sample — all in the transaction that records it.
 */
@Stateless
@RolesAllowed({Role.AGENT_NAME, Role.SUPERVISOR_NAME})
public class ReturnVisits {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private CustomerDirectory customers;
  @Inject private QualityScoring quality;
  @Inject private TicketQueries tickets;
  @Inject private AuditTrail auditTrail;
  @Inject private Event<TicketChanged> changes;

  @Inject
  @ConfigProperty(name = "centralis.return-visit.max-attempts", defaultValue = "3")
  int maxAttempts;

  /** Plans a return visit for a ticket that was just resolved, if a rule samples it and none is open. */
  @PermitAll
  public void onChanged(@Observes TicketChanged change) {
    if (change.after() != TicketStatus.RESOLVED || !change.statusChanged()) {
      return;
    }
    boolean open = visitsOf(change.ticketId()).stream().anyMatch(v -> v.getStatus() == ReturnVisitStatus.OPEN);
    if (open) {
      return;
    }
    Ticket ticket = em.find(Ticket.class, change.ticketId());
    String tier = ticket.getCustomerId() == null ? null : customers.tierOf(ticket.getCustomerId());
    ReturnVisitSampling.pick(rules(), change.number(), ticket.getType().name(), tier)
        .ifPresent(rule -> em.persist(
            ReturnVisit.plan(ticket.getId(), change.number(), ticket.getType().name(), ticket.getCustomerId(), ticket.getOwningBranchPath(), rule.name(), change.at())));
  }

  /** True if the ticket's latest return visit is finished (completed or unreachable); false if it has none. */
  @PermitAll
  public boolean finishedFor(long ticketId) {
    List<ReturnVisit> visits = visitsOf(ticketId);
    return !visits.isEmpty() && visits.get(0).getStatus().isDone();
  }

  /** The latest return visit of a ticket the caller sees (404 otherwise), for the ticket page. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME})
  public Optional<ReturnVisitView> latestFor(@NotNull String number) {
    tickets.find(number);
    return em.createQuery("SELECT v FROM ReturnVisit v WHERE v.ticketNo = :number ORDER BY v.createdAt DESC, v.id DESC", ReturnVisit.class)
        .setParameter("number", number)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(this::view);
  }

  /**
   * The return-visit queue of the caller's branch subtree: OPEN ones oldest first, or with
   * {@code mine} the ones the caller recorded, newest first; {@code ticketNo} keeps one ticket's.
   */
  public Page<ReturnVisitView> list(ReturnVisitStatus status, boolean mine, String ticketNo, @Min(0) int offset, @Min(1) @Max(500) int limit) {
    Query q = query(status, mine, ticketNo);
    List<ReturnVisitView> items = q.rows().setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::view).toList();
    return new Page<>(items, q.count().getSingleResult(), offset, limit);
  }

  /**
   * The whole list {@link #list} would page, for an export (导出): same scope and filter, within {@link ListExport}'s
   * limit, audited as RETURN_VISITS_EXPORTED with the filter and the row count.
   */
  public List<ReturnVisitView> export(ReturnVisitStatus status, boolean mine) {
    Query q = query(status, mine, null);
    List<ReturnVisitView> rows = ListExport.readAll(em, q.rows(), q.count().getSingleResult(), page -> page.stream().map(this::view).toList());
    auditTrail.record(new AuditEntry("RETURN_VISITS_EXPORTED", "RETURN_VISIT_LIST", currentCaller.get().branchPath(), null,
        rows.size() + " rows; status " + (status == null ? "ALL" : status) + (mine ? ", mine" : "")));
    return rows;
  }

  /** The list's two queries (rows in order, and their count) for the caller's scope and the filter. */
  private record Query(TypedQuery<ReturnVisit> rows, TypedQuery<Long> count) {}

  private Query query(ReturnVisitStatus status, boolean mine, String ticketNo) {
    Caller caller = currentCaller.get();
    StringBuilder where = new StringBuilder(" WHERE v.owningBranchPath LIKE :scope");
    if (status != null) {
      where.append(" AND v.status = :status");
    }
    if (mine) {
      where.append(" AND v.agentLogin = :me");
    }
    if (ticketNo != null) {
      where.append(" AND v.ticketNo = :ticketNo");
    }
    String order = mine ? " ORDER BY v.lastAttemptAt DESC, v.id DESC" : " ORDER BY v.createdAt ASC, v.id ASC";
    TypedQuery<ReturnVisit> q = em.createQuery("SELECT v FROM ReturnVisit v" + where + order, ReturnVisit.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(v) FROM ReturnVisit v" + where, Long.class);
    for (TypedQuery<?> t : List.of(q, count)) {
      t.setParameter("scope", caller.branchPath() + "%");
      if (status != null) {
        t.setParameter("status", status);
      }
      if (mine) {
        t.setParameter("me", caller.login());
      }
      if (ticketNo != null) {
        t.setParameter("ticketNo", ticketNo);
      }
    }
    return new Query(q, count);
  }

  /** Records one call; see the class comment for what CSAT ≤ 2 does. */
  public ReturnVisitView recordOutcome(long id, @NotNull @Valid OutcomeRequest outcome) {
    Caller caller = currentCaller.get();
    ReturnVisit visit = em.find(ReturnVisit.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (visit == null || !caller.canSee(visit.getOwningBranchPath())) {
      throw new NotFoundException("return-visit", id);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    if (outcome.reached()) {
      if (outcome.csat() == null) {
        throw new InvalidInputException("csat", "csat-required", "a reached customer gives a CSAT of 1..5");
      }
      visit.reached(outcome.csat(), outcome.comment(), caller.login(), now);
    } else {
      visit.notReached(outcome.comment(), caller.login(), maxAttempts, now);
    }
    em.flush();
    AuditEntry reopened = null;
    if (visit.unsatisfied()) {
      reopened = reopen(visit, caller, now);
    }
    auditTrail.record(
        new AuditEntry("RETURN_VISIT_RECORDED", "TICKET", visit.getTicketNo(), null,
            visit.getStatus() + " attempts " + visit.getAttempts() + (visit.getCsat() == null ? "" : " CSAT " + visit.getCsat())));
    if (reopened != null) {
      auditTrail.record(reopened);
    }
    return view(visit);
  }

  /** Reopens the resolved (or closed) ticket as the agent and samples it for QA; answers the audit entry. */
  private AuditEntry reopen(ReturnVisit visit, Caller caller, Instant now) {
    Ticket ticket = em.find(Ticket.class, visit.getTicketId(), LockModeType.PESSIMISTIC_WRITE);
    quality.sample(ticket.getId(), visit.getTicketNo(), ticket.getOwningBranchPath(), ticket.getAssigneeId(), now);
    TicketStatus before = ticket.getStatus();
    if (!before.canMoveTo(TicketStatus.REOPENED)) {
      return null; // already reopened by someone else: the escalation flag and the QA sample stand
    }
    String reason = "回访不满意 / unsatisfied return visit: CSAT " + visit.getCsat() + (visit.getComment() == null ? "" : " — " + visit.getComment());
    TicketEvent event = ticket.reopen(caller.login(), reason, now);
    em.flush();
    changes.fire(new TicketChanged(ticket.getId(), visit.getTicketNo(), before, ticket.getStatus(), event.getKind(), caller.login(), now));
    return new AuditEntry("TICKET_REOPENED", "TICKET", visit.getTicketNo(), before.name(), ticket.getStatus().name() + ": " + reason);
  }

  private List<ReturnVisit> visitsOf(long ticketId) {
    return em.createNamedQuery("ReturnVisit.findByTicket", ReturnVisit.class).setParameter("ticketId", ticketId).getResultList();
  }

  @SuppressWarnings("unchecked")
  private List<ReturnVisitSampling.Rule> rules() {
    List<Object[]> rows = em.createNativeQuery("SELECT NAME, TICKET_TYPE, CUSTOMER_TIER, PERCENT FROM RETURN_VISIT_RULE WHERE ACTIVE = 1").getResultList();
    return rows.stream().map(r -> new ReturnVisitSampling.Rule((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue())).toList();
  }

  private ReturnVisitView view(ReturnVisit v) {
    Ticket t = em.find(Ticket.class, v.getTicketId());
    String customer = v.getCustomerId() == null ? null : customers.reference(v.getCustomerId()).map(CustomerRef::name).orElse(null);
    return new ReturnVisitView(
        v.getId(), v.getTicketNo(), v.getTicketType(), t == null ? null : t.getSubject(), customer, v.getRuleName(), v.getStatus().name(),
        v.getAttempts(), v.getCsat(), v.getComment(), v.getAgentLogin(), v.isEscalated(), v.getCreatedAt(), v.getCompletedAt());
  }
}
