package org.centralis.ticket.application;

import java.util.List;

/**
 * Port: tells the rest of the system, durably and only if the current transaction commits, that
 * something happened to a ticket. Implemented over JMS.
 */
public interface TicketMessages {

  /** The tickets a transaction logged, in one message: its consumer dispatches them in one transaction. */
  void ticketsCreated(List<Long> ticketIds);

  /** One ticket on its own: a consumer's failure then concerns it alone (see {@link TicketDispatch#dispatchNew(List)}). */
  void ticketCreated(long ticketId);
}
