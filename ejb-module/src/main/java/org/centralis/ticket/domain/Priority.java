package org.centralis.ticket.domain;

/** Ticket priority, lowest first. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
