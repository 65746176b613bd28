package org.centralis.ticket.domain;

/** The kinds of entries in a ticket's timeline. */
public enum TicketEventKind {
  CREATED,
  DISPATCHED,
  ACCEPTED,
  STATUS_CHANGED,
  COMMENTED,
  RESOLVED,
  CLOSED,
  REJECTED,
  RETURNED,
  REOPENED,
  CANCELLED,
  /** Category and/or priority changed; the detail says from what to what, and why. */
  RECLASSIFIED
}
