package org.centralis.customer.application;

import java.util.List;

/**
 * Port: the tickets of a customer, as the customer 360 shows them. Implemented by the ticket
 * context, so that the dependency points from tickets to customers and not back.
 */
public interface CustomerHistory {

  /** The customer's tickets that the caller can see (branch subtree or own team), newest first. */
  List<CustomerTicket> tickets(Long customerId, int limit);

  /** How many tickets of the customer the caller can see. */
  long count(Long customerId);

  /** The customer's complaints that are not closed or cancelled, that the caller can see, oldest first. */
  List<CustomerTicket> openComplaints(Long customerId);
}
