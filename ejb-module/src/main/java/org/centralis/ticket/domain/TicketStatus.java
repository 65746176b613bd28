package org.centralis.ticket.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a ticket. {@link #canMoveTo} is the whole state machine: a status change that
 * it does not allow is refused by {@link Ticket}.
 */
public enum TicketStatus {
  NEW,
  DISPATCHED,
  ACCEPTED,
  IN_PROGRESS,
  PENDING_CUSTOMER,
  RESOLVED,
  CLOSED,
  REJECTED,
  RETURNED,
  REOPENED,
  CANCELLED;

  public boolean canMoveTo(TicketStatus next) {
    return successors().contains(next);
  }

  public Set<TicketStatus> successors() {
    return switch (this) {
      case NEW -> EnumSet.of(DISPATCHED, CANCELLED);
      case DISPATCHED -> EnumSet.of(ACCEPTED, REJECTED, RETURNED, DISPATCHED, CANCELLED);
      case ACCEPTED -> EnumSet.of(IN_PROGRESS, RESOLVED, RETURNED, DISPATCHED);
      case IN_PROGRESS -> EnumSet.of(PENDING_CUSTOMER, RESOLVED, DISPATCHED);
      case PENDING_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED);
      case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
      case REJECTED, RETURNED -> EnumSet.of(DISPATCHED, CANCELLED);
      case REOPENED -> EnumSet.of(DISPATCHED, IN_PROGRESS);
      case CLOSED -> EnumSet.of(REOPENED);
      case CANCELLED -> EnumSet.noneOf(TicketStatus.class);
    };
  }

  public boolean isOpen() {
    return this != CLOSED && this != CANCELLED;
  }

  /** The open statuses: every one but CLOSED and CANCELLED. */
  public static Set<TicketStatus> open() {
    return EnumSet.complementOf(EnumSet.of(CLOSED, CANCELLED));
  }
}
