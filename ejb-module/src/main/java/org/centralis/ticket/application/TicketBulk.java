package org.centralis.ticket.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.CentralisException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.security.Role;

/**
 * Bulk actions (批量处理) for team leads: one action on many tickets — transfer a sick colleague's
 * team queue to another team, confirm a batch of resolved tickets, cancel duplicates of an outage,
 * add the same note. Each ticket is acted on in its own transaction through {@link TicketWork#act},
 * with the same permission and state checks and audit as one by one; a refused ticket is reported
 * with its problem and does not stop the others. The batch itself is audited as TICKETS_BULK.
 */
@Stateless
@RolesAllowed(Role.SUPERVISOR_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TicketBulk {

  public static final int MAX_TICKETS = 200;
  /** What a team lead does to many tickets at once; the others need a look at each ticket. */
  public static final Set<TicketAction> ACTIONS = EnumSet.of(TicketAction.TRANSFER, TicketAction.CLOSE, TicketAction.CANCEL, TicketAction.COMMENT);

  /** One ticket's outcome: its status after the action, or the problem code that refused it. */
  public record Outcome(String number, boolean done, String status, String problem, String detail) {}

  /** The batch's outcomes in the order asked. */
  public record Result(String action, int succeeded, int failed, List<Outcome> outcomes) {}

  @Inject private TicketWork work;
  @Inject private AuditTrail auditTrail;
  @Resource private SessionContext context;

  public Result apply(List<String> numbers, @NotNull TicketAction action, @NotNull TicketActionRequest request) {
    if (!ACTIONS.contains(action)) {
      throw new InvalidInputException("action", "bulk-action-not-supported", action + " is not a bulk action; use one of " + ACTIONS, action.name());
    }
    Set<String> distinct = new LinkedHashSet<>(numbers == null ? List.of() : numbers);
    distinct.removeIf(n -> n == null || n.isBlank());
    if (distinct.isEmpty()) {
      throw new InvalidInputException("numbers", "numbers-required", "name at least one ticket");
    }
    if (distinct.size() > MAX_TICKETS) {
      throw new InvalidInputException("numbers", "too-many-tickets", "at most " + MAX_TICKETS + " tickets at once", MAX_TICKETS);
    }
    List<Outcome> outcomes = new ArrayList<>();
    int ok = 0;
    for (String number : distinct) {
      try {
        TicketView after = work.act(number.strip(), action, request);
        outcomes.add(new Outcome(number, true, after.status(), null, null));
        ok++;
      } catch (CentralisException e) {
        outcomes.add(new Outcome(number, false, null, e.code(), e.getMessage()));
      } catch (EJBException e) {
        CentralisException cause = cause(e);
        if (cause == null) {
          throw e;
        }
        outcomes.add(new Outcome(number, false, null, cause.code(), cause.getMessage()));
      }
    }
    context.getBusinessObject(TicketBulk.class).audit(action, ok + " done, " + (outcomes.size() - ok) + " refused: " + String.join(",", distinct));
    return new Result(action.name(), ok, outcomes.size() - ok, outcomes);
  }

  /** The batch's own audit entry, in a transaction of its own (each ticket's action committed in its own already). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void audit(TicketAction action, String summary) {
    String text = summary.length() > 1000 ? summary.substring(0, 999) + "…" : summary;
    auditTrail.record(new AuditEntry("TICKETS_BULK", "TICKET_LIST", action.name(), null, text));
  }

  private static CentralisException cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CentralisException ce) {
        return ce;
      }
    }
    return null;
  }
}
