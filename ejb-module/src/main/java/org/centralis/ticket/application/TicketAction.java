package org.centralis.ticket.application;

import java.util.EnumSet;
import java.util.Set;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.TicketStatus;

/**
 * What a person can do to a ticket, and who may: {@link #permitted} is the whole permission table
 * (the domain then decides whether the ticket's status allows it).
 *
 * <ul>
 *   <li>members of the assigned team work the ticket: accept, reject, return, start, pend, resume,
 *       resolve, reclassify (they find out what it really is), merge a duplicate they received, and comment;
 *   <li>branch staff and agents who see the ticket (its owning branch subtree) follow it: close
 *       (confirm the resolution), reopen, cancel, merge a duplicate, comment, and dispatch again by hand a ticket that
 *       was rejected or returned to them. The team working the ticket does not confirm its own
 *       resolution, even at headquarters, whose scope is every branch (segregation of duties);
 *   <li>a supervisor may do everything on a ticket they see or their team holds, and is the one who
 *       transfers (转派) a ticket to another team;
 *   <li>headquarters managers, auditors and administrators only read.
 * </ul>
 */
public enum TicketAction {
  ACCEPT(TicketStatus.ACCEPTED),
  REJECT(TicketStatus.REJECTED),
  RETURN(TicketStatus.RETURNED),
  START(TicketStatus.IN_PROGRESS),
  PEND(TicketStatus.PENDING_CUSTOMER),
  RESUME(TicketStatus.IN_PROGRESS),
  RESOLVE(TicketStatus.RESOLVED),
  CLOSE(TicketStatus.CLOSED),
  REOPEN(TicketStatus.REOPENED),
  CANCEL(TicketStatus.CANCELLED),
  TRANSFER(TicketStatus.DISPATCHED),
  /** Change the category and/or the priority (改类/调整优先级); the status stays, the SLA clocks are recomputed. */
  RECLASSIFY(null),
  /** A duplicate (重复工单) is merged into the customer's other open ticket: it ends as CANCELLED, the other notes it. */
  MERGE(TicketStatus.CANCELLED),
  COMMENT(null);

  private static final Set<TicketAction> TEAM_WORK = EnumSet.of(ACCEPT, REJECT, RETURN, START, PEND, RESUME, RESOLVE, RECLASSIFY, MERGE, COMMENT);
  private static final Set<TicketAction> REQUESTER = EnumSet.of(CLOSE, REOPEN, CANCEL, MERGE, COMMENT);

  /** The status the action leads to; null for a comment, which changes none. */
  private final TicketStatus target;

  TicketAction(TicketStatus target) {
    this.target = target;
  }

  /** The actions the caller's roles and relation to the ticket allow, whatever its status. */
  public static Set<TicketAction> permitted(Set<Role> roles, boolean teamMember, boolean inScope, TicketStatus status) {
    Set<TicketAction> allowed = EnumSet.noneOf(TicketAction.class);
    if (!teamMember && !inScope) {
      return allowed;
    }
    if (roles.contains(Role.SUPERVISOR)) {
      return EnumSet.allOf(TicketAction.class);
    }
    boolean worker = roles.contains(Role.BRANCH_STAFF) || roles.contains(Role.AGENT);
    if (worker && teamMember) {
      allowed.addAll(TEAM_WORK);
    }
    if (worker && inScope && !teamMember) {
      allowed.addAll(REQUESTER);
      if (status == TicketStatus.REJECTED || status == TicketStatus.RETURNED) {
        allowed.add(TRANSFER); // back with the dispatcher, who sends it on by hand
      }
    }
    return allowed;
  }

  /** True if a ticket in this status can take the action (the state machine, plus start vs resume). */
  public boolean possibleFrom(TicketStatus status) {
    return switch (this) {
      case COMMENT -> status != TicketStatus.CANCELLED;
      case RECLASSIFY -> status.isOpen() && status != TicketStatus.RESOLVED;
      case START -> status == TicketStatus.ACCEPTED || status == TicketStatus.REOPENED;
      case RESUME -> status == TicketStatus.PENDING_CUSTOMER;
      default -> status.canMoveTo(target);
    };
  }

  /** The audit action name, e.g. TICKET_ACCEPTED. */
  public String auditAction() {
    return switch (this) {
      case ACCEPT -> "TICKET_ACCEPTED";
      case REJECT -> "TICKET_REJECTED";
      case RETURN -> "TICKET_RETURNED";
      case START -> "TICKET_WORK_STARTED";
      case PEND -> "TICKET_PENDING_CUSTOMER";
      case RESUME -> "TICKET_RESUMED";
      case RESOLVE -> "TICKET_RESOLVED";
      case CLOSE -> "TICKET_CLOSED";
      case REOPEN -> "TICKET_REOPENED";
      case CANCEL -> "TICKET_CANCELLED";
      case TRANSFER -> "TICKET_TRANSFERRED";
      case RECLASSIFY -> "TICKET_RECLASSIFIED";
      case MERGE -> "TICKET_MERGED";
      case COMMENT -> "TICKET_COMMENTED";
    };
  }
}
