package org.centralis.ticket.rest;

import jakarta.ws.rs.QueryParam;
import org.centralis.shared.rest.QueryParams;
import org.centralis.ticket.application.TicketFilter;
import org.centralis.ticket.application.TicketSort;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;

/** The ticket list's filter and order ({@code @BeanParam}): the same for the paged list and for its export. */
public class TicketListParams {

  @QueryParam("status") String status;
  @QueryParam("type") String type;
  @QueryParam("priority") String priority;
  @QueryParam("branch") String branch;
  @QueryParam("q") String text;
  @QueryParam("from") String from;
  @QueryParam("to") String to;
  @QueryParam("sort") String sort;
  @QueryParam("order") String order;

  TicketFilter filter() {
    return new TicketFilter(
        QueryParams.enumValue("status", status, TicketStatus.class),
        QueryParams.enumValue("type", type, TicketType.class),
        QueryParams.enumValue("priority", priority, Priority.class),
        QueryParams.longValue("branch", branch),
        text,
        QueryParams.instant("from", from),
        QueryParams.instant("to", to));
  }

  TicketSort sort() {
    return QueryParams.enumValue("sort", sort, TicketSort.class);
  }

  boolean ascending() {
    return "asc".equalsIgnoreCase(order);
  }
}
