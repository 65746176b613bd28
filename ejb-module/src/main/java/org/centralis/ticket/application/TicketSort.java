package org.centralis.ticket.application;

/** The columns a ticket list can be sorted by, mapped to entity attributes (never raw input). */
public enum TicketSort {
  CREATED_AT("createdAt"),
  UPDATED_AT("updatedAt"),
  NUMBER("ticketNo"),
  STATUS("status"),
  PRIORITY("priority"),
  TYPE("type");

  final String attribute;

  TicketSort(String attribute) {
    this.attribute = attribute;
  }
}
