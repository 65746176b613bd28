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
  RECLASSIFIED,
  /** This ticket was a duplicate, merged into the one the detail names ("→ T…: reason"); it is CANCELLED. */
  MERGED,
  /** A duplicate was merged into this ticket ("← T…: its subject"); the status does not change. */
  MERGED_IN,
  /** Sub-task events (协办): the team is the task's team, the detail starts with "#seq". The status does not change. */
  TASK_DISPATCHED,
  TASK_ACCEPTED,
  TASK_DONE,
  TASK_REJECTED,
  TASK_CANCELLED
}
