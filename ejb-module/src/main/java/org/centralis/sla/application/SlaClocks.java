package org.centralis.sla.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.shared.application.TransactionMemo;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.EscalationChain;
import org.centralis.sla.domain.SlaClock;
import org.centralis.sla.domain.SlaMetric;
import org.centralis.sla.domain.SlaPolicy;
import org.centralis.sla.domain.SlaPolicyMatcher;
import org.centralis.ticket.application.TicketChanged;
import org.centralis.ticket.application.TicketEscalation;
import org.centralis.ticket.application.TicketEscalation.TicketFacts;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.domain.CommentVisibility;
import org.centralis.ticket.domain.TicketEventKind;

/**
 * The SLA clocks of tickets. Follows every ticket change ({@link TicketChanged}, inside the changing
 * transaction, so a clock change commits or rolls back with the ticket change): creation starts the
 * first-response and resolution clocks, acceptance meets the first response and starts the
 * next-update clock, a customer-visible comment starts a new next-update cycle, the policy's pause
 * statuses pause every clock and leaving them resumes it, resolution meets, cancellation cancels,
 * reopening runs the resolution clock again. See docs/sla.md.
 */
@Stateless
public class SlaClocks {

  /** Changes that move no clock unless the ticket enters or leaves one of its policy's pause statuses. */
  private static final Set<TicketEventKind> ONLY_PAUSE_APPLIES =
      EnumSet.of(TicketEventKind.DISPATCHED, TicketEventKind.REJECTED, TicketEventKind.RETURNED, TicketEventKind.STATUS_CHANGED,
          TicketEventKind.MERGED_IN, TicketEventKind.TASK_DISPATCHED, TicketEventKind.TASK_ACCEPTED, TicketEventKind.TASK_DONE,
          TicketEventKind.TASK_REJECTED, TicketEventKind.TASK_CANCELLED);

  @PersistenceContext private EntityManager em;
  @EJB private TicketEscalation tickets; // @EJB, not @Inject, on the paths every ticket takes: ADR 0023
  @Inject private TicketQueries ticketQueries;
  @Inject private CustomerDirectory customers;
  @EJB private ClockCalendars calendars;
  @Inject private SlaOutcomes outcomes;
  @Inject private TransactionMemo memo;

  @PermitAll
  public void onTicketChanged(@Observes TicketChanged change) {
    if (change.before() != null && ONLY_PAUSE_APPLIES.contains(change.kind()) && !pauses(change)) {
      return; // every dispatch would otherwise read the ticket's clocks and policy for nothing
    }
    Optional<TicketFacts> found = tickets.facts(change.ticketId());
    if (found.isEmpty()) {
      return;
    }
    TicketFacts ticket = found.get();
    Instant at = change.at();
    if (change.before() == null) {
      start(ticket, at);
      return;
    }
    Map<SlaMetric, SlaClock> clocks = clocksOf(ticket.id());
    if (clocks.isEmpty()) {
      return;
    }
    List<SlaOutcomes.Before> was = outcomes.before(clocks.values());
    SlaPolicy policy = em.find(SlaPolicy.class, clocks.values().iterator().next().getPolicyId());
    Set<String> pause = policy.pauseStatuses();
    boolean wasPaused = pause.contains(change.before().name());
    boolean paused = pause.contains(change.after().name());
    if (change.statusChanged() && paused && !wasPaused) {
      clocks.values().forEach(c -> c.pause(at));
    } else if (change.statusChanged() && wasPaused && !paused) {
      clocks.values().forEach(c -> c.resume(at, calendars.get(c.getCalendarCode()), delays(c)));
    }
    SlaClock firstResponse = clocks.get(SlaMetric.FIRST_RESPONSE);
    SlaClock nextUpdate = clocks.get(SlaMetric.NEXT_UPDATE);
    SlaClock resolution = clocks.get(SlaMetric.RESOLUTION);
    switch (change.kind()) {
      case ACCEPTED -> {
        if (firstResponse != null) {
          firstResponse.meet(at, calendars.get(firstResponse.getCalendarCode()));
        }
        if (nextUpdate == null) {
          startClock(ticket, policy, SlaMetric.NEXT_UPDATE, at, paused);
        }
      }
      case COMMENTED -> {
        if (nextUpdate != null
            && tickets.lastVisibility(ticket.id()).filter(v -> v == CommentVisibility.CUSTOMER).isPresent()) {
          nextUpdate.restart(at, paused, calendars.get(nextUpdate.getCalendarCode()), delays(nextUpdate));
        }
      }
      case RESOLVED, CLOSED -> clocks.values().forEach(c -> c.meet(at, calendars.get(c.getCalendarCode())));
      case CANCELLED, MERGED -> clocks.values().forEach(c -> c.cancel(at));
      case REOPENED -> {
        if (resolution != null) {
          resolution.reopen(at, calendars.get(resolution.getCalendarCode()), delays(resolution));
        }
        if (nextUpdate != null) {
          nextUpdate.restart(at, paused, calendars.get(nextUpdate.getCalendarCode()), delays(nextUpdate));
        }
      }
      case RECLASSIFIED -> recompute(ticket.id()); // another category or priority may mean another policy
      default -> {
        // DISPATCHED, REJECTED, RETURNED, STATUS_CHANGED: only the pause rule above applies.
      }
    }
    outcomes.after(was); // report facts (ADR 0012)
  }

  /**
   * Matches the ticket's policy again (after a change of priority, category or of the policies) and
   * recomputes its open clocks' deadlines from their start, keeping what already fired. Clocks of
   * metrics the new policy no longer measures are cancelled.
   */
  @PermitAll
  public void recompute(long ticketId) {
    TicketFacts ticket = tickets.facts(ticketId).orElse(null);
    if (ticket == null) {
      return;
    }
    Optional<SlaPolicy> policy = match(ticket);
    Instant now = Instant.now();
    for (SlaClock clock : clocksOf(ticketId).values()) {
      Long target = policy.map(p -> p.target(clock.getMetric())).orElse(null);
      if (target == null) {
        clock.cancel(now);
      } else {
        retarget(clock, policy.get(), target, ticket.owningBranchPath());
      }
    }
  }

  /** Applies a policy's (possibly changed) terms to one clock (public: called through the bean by SlaPolicies). */
  @PermitAll
  public void retarget(SlaClock clock, SlaPolicy policy, long target, String branchPath) {
    SlaClock.Terms terms = terms(policy, target, branchPath);
    EscalationChain chain = terms.chainId() == null ? null : em.find(EscalationChain.class, terms.chainId());
    clock.retarget(terms, calendars.get(terms.calendarCode()), chain == null ? List.of() : chain.delays());
  }

  /** Every deadline of a ticket the caller may see (404 otherwise), first response first. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
  public List<ClockView> forTicket(String number) {
    ticketQueries.find(number); // scope check: NotFoundException outside the caller's subtree
    Instant now = Instant.now();
    return em.createQuery("SELECT c FROM SlaClock c WHERE c.ticketNo = :number ORDER BY c.metric", SlaClock.class)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .sorted((a, b) -> a.getMetric().compareTo(b.getMetric()))
        .map(c -> view(c, now))
        .toList();
  }

  ClockView view(SlaClock c, Instant now) {
    BusinessCalendar calendar = calendars.get(c.getCalendarCode());
    SlaPolicy policy = em.find(SlaPolicy.class, c.getPolicyId());
    long remaining = c.getTargetSeconds() - c.elapsedSeconds(now, calendar);
    return new ClockView(
        c.getMetric().name(), c.getState().name(), c.getCycle(), c.getPolicyId(), policy == null ? null : policy.getName(), c.getCalendarCode(),
        c.getTargetSeconds(), c.getStartedAt(), c.getDueAt(), c.warningInstants(calendar), c.getWarningsFired(), c.getPausedAt(),
        c.getPausedSeconds(), c.getMetAt(), c.getBreachedAt(), c.getStoppedAt(), c.getEscalationLevel(), remaining);
  }

  private void start(TicketFacts ticket, Instant at) {
    match(ticket).ifPresent(policy -> {
      startClock(ticket, policy, SlaMetric.FIRST_RESPONSE, at, false);
      startClock(ticket, policy, SlaMetric.RESOLUTION, at, false);
    });
  }

  private void startClock(TicketFacts ticket, SlaPolicy policy, SlaMetric metric, Instant at, boolean paused) {
    Long target = policy.target(metric);
    if (target == null) {
      return;
    }
    SlaClock.Terms terms = terms(policy, target, ticket.owningBranchPath());
    EscalationChain chain = terms.chainId() == null ? null : em.find(EscalationChain.class, terms.chainId());
    List<Long> delays = chain == null ? List.of() : chain.delays();
    SlaClock clock = SlaClock.start(ticket.id(), ticket.number(), ticket.owningBranchPath(), metric, terms, at, calendars.get(terms.calendarCode()), delays);
    if (paused) {
      clock.pause(at);
    }
    em.persist(clock);
  }

  /**
   * Whether the change enters or leaves a status that some policy pauses on. Asked of every policy, active or not: a
   * clock keeps the policy it started under, and only the clocks name it.
   */
  private boolean pauses(TicketChanged change) {
    Set<String> paused =
        memo.get(List.of("SlaPolicy.pauseStatuses"), () -> em.createNamedQuery("SlaPolicy.findAll", SlaPolicy.class).getResultStream()
            .flatMap(p -> p.pauseStatuses().stream())
            .collect(Collectors.toSet()));
    return change.statusChanged() && (paused.contains(change.before().name()) || paused.contains(change.after().name()));
  }

  private SlaClock.Terms terms(SlaPolicy policy, long target, String branchPath) {
    String calendar = policy.getCalendarCode() != null ? policy.getCalendarCode() : calendars.codeForBranch(branchPath);
    return new SlaClock.Terms(policy.getId(), policy.getEscalationChainId(), calendar, target, policy.getWarnPercents());
  }

  private Optional<SlaPolicy> match(TicketFacts t) {
    String tier = t.customerId() == null ? null : customers.tierOf(t.customerId());
    List<SlaPolicy> policies = memo.get(List.of("SlaPolicy.findActive"), () -> em.createNamedQuery("SlaPolicy.findActive", SlaPolicy.class).getResultList());
    return new SlaPolicyMatcher(policies).match(new SlaPolicyMatcher.Facts(t.type(), t.categoryLineage(), t.priority(), tier, t.channel()));
  }

  private Map<SlaMetric, SlaClock> clocksOf(long ticketId) {
    Map<SlaMetric, SlaClock> clocks = new EnumMap<>(SlaMetric.class);
    em.createNamedQuery("SlaClock.findByTicket", SlaClock.class).setParameter("ticket", ticketId).getResultList().forEach(c -> clocks.put(c.getMetric(), c));
    return clocks;
  }

  List<Long> delays(SlaClock clock) {
    if (clock.getChainId() == null) {
      return List.of();
    }
    EscalationChain chain = em.find(EscalationChain.class, clock.getChainId());
    return chain == null ? List.of() : chain.delays();
  }

}
