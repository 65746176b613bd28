package org.centralis.ticket.domain;

/** What a customer asks for; each type has its own category tree. */
public enum TicketType {
  INQUIRY,
  CONSULTATION,
  BUSINESS_REQUEST,
  COMPLAINT,
  SUGGESTION,
  FAULT_REPORT
}
