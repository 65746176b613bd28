package org.centralis.ticket.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.security.Caller;
import org.centralis.ticket.domain.DispatchRule;
import org.centralis.ticket.domain.DispatchRuleMatcher;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketEvent;
import org.centralis.ticket.domain.TicketStatus;

/**
 * Automatic dispatch (派单) of a newly logged ticket by the dispatch rules. Idempotent: a ticket
 * that is no longer NEW is left alone, so a redelivered message changes nothing.
 */
@Stateless
@PermitAll
public class TicketDispatch {

  private static final Logger LOG = Logger.getLogger(TicketDispatch.class.getName());

  @PersistenceContext private EntityManager em;
  @EJB private AuditTrail auditTrail; // @EJB, not @Inject, on the paths every ticket takes: ADR 0023
  @EJB private OrganizationDirectory organization;
  @Inject private CustomerDirectory customers;
  @Inject private Event<TicketChanged> changes;
  @Inject private TicketMessages messages;
  @Inject private DispatchOutbox outbox;

  /**
   * The active rule that receives a ticket with these facts: the one path both the dispatch of new
   * tickets and the administrators' try-out take, so the try-out cannot drift from production.
   */
  public Optional<DispatchRule> ruleFor(DispatchRuleMatcher.Facts facts) {
    return matcher().match(facts);
  }

  /** The active rules, read once for a message's tickets. */
  private DispatchRuleMatcher matcher() {
    List<DispatchRule> rules = em.createNamedQuery("DispatchRule.findActive", DispatchRule.class).getResultList();
    Map<Long, String> branchPaths =
        rules.stream()
            .map(DispatchRule::getBranchId)
            .filter(Objects::nonNull)
            .distinct()
            .flatMap(id -> organization.branch(id).stream())
            .collect(Collectors.toMap(BranchRef::id, BranchRef::path));
    return new DispatchRuleMatcher(rules, branchPaths);
  }

  /**
   * @throws DispatchFailedException if the ticket does not exist or no rule matches: the message
   *     then ends in the dead-letter queue for an administrator, instead of being lost
   */
  public void dispatchNew(long ticketId) {
    attempt(ticketId, LockModeType.PESSIMISTIC_WRITE, matcher()).ifPresent(failure -> {
      throw new DispatchFailedException(failure);
    });
  }

  /**
   * Dispatches the tickets one intake transaction logged, in this one transaction, and takes them out of the dispatch
   * outbox. A ticket that cannot be dispatched does not hold back the others: it is sent again in a message of its own,
   * which {@link #dispatchNew(long)} then refuses until the broker moves it to the dead-letter queue.
   */
  public void dispatchNew(List<Long> ticketIds) {
    if (ticketIds.isEmpty()) {
      return;
    }
    // The rules and their branches first: once this transaction has written (the outbox), EclipseLink reads even
    // cached entities (the rules' branches) from the database.
    DispatchRuleMatcher matcher = matcher();
    // The message's tickets locked in one statement, not one per ticket (each would first flush the ticket before it).
    em.createNamedQuery("Ticket.findByIds", Ticket.class).setParameter("ids", ticketIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    outbox.takeCharge(ticketIds);
    for (long ticketId : ticketIds) {
      attempt(ticketId, LockModeType.NONE, matcher).ifPresent(failure -> {
        LOG.warning(() -> failure + "; sent again on its own");
        messages.ticketCreated(ticketId);
      });
    }
  }

  /**
   * Sends each ticket of a batch message that failed once in a message of its own, so a ticket that keeps failing ends
   * in the dead-letter queue alone; the new messages take the tickets' place in the outbox.
   */
  public void sendOneByOne(List<Long> ticketIds) {
    outbox.takeCharge(ticketIds);
    ticketIds.forEach(messages::ticketCreated);
  }

  /** Dispatches the ticket if it is still NEW; why it cannot be, if it cannot. {@code lock}: NONE if it is locked already. */
  private Optional<String> attempt(long ticketId, LockModeType lock, DispatchRuleMatcher matcher) {
    Ticket ticket = em.find(Ticket.class, ticketId, lock);
    if (ticket == null) {
      return Optional.of("no ticket with id " + ticketId);
    }
    if (ticket.getStatus() != TicketStatus.NEW) {
      LOG.fine(() -> "ticket " + ticket.getNumber() + " already " + ticket.getStatus() + ", nothing to do");
      return Optional.empty();
    }
    String tier = ticket.getCustomerId() == null ? null : customers.tierOf(ticket.getCustomerId());
    String language = ticket.getCustomerId() == null ? null : customers.languageOf(ticket.getCustomerId());
    Optional<DispatchRule> match =
        matcher.match(new DispatchRuleMatcher.Facts(ticket.getType(), ticket.getCategory().lineage(), ticket.getOwningBranchPath(), tier, language));
    if (match.isEmpty()) {
      return Optional.of("no dispatch rule matches ticket " + ticket.getNumber());
    }
    DispatchRule rule = match.get();
    TicketEvent event = ticket.dispatchTo(rule.getTeamId(), Caller.SYSTEM_LOGIN, rule.getName(), Instant.now());
    changes.fire(
        new TicketChanged(ticket.getId(), ticket.getNumber().value(), TicketStatus.NEW, ticket.getStatus(), event.getKind(), Caller.SYSTEM_LOGIN, event.getOccurredAt()));
    auditTrail.record(
        Caller.system(),
        new AuditEntry(
            "TICKET_DISPATCHED", "TICKET", ticket.getNumber().value(), TicketStatus.NEW.name(), "DISPATCHED to team " + rule.getTeamId() + " by rule " + rule.getId()));
    return Optional.empty();
  }
}
