package org.centralis.ticket.application;

/**
 * Port: tells the rest of the system, durably and only if the current transaction commits, that
 * something happened to a ticket. Implemented over JMS.
 */
public interface TicketMessages {

  void ticketCreated(long ticketId, String number);
}
