package org.centralis.ticket.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.rest.QueryParams;
import org.centralis.ticket.application.RelatedTickets;
import org.centralis.ticket.application.TicketSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Related-ticket detection at intake: the customer's recent tickets of a category. */
@Path("customers/{id}/related-tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class RelatedTicketsResource {

  @Inject private RelatedTickets related;

  @GET
  @Operation(summary = "The customer's tickets of the category (any if omitted) logged in the last `days` days (default 30), newest first, at most 20, within your scope")
  public List<TicketSummary> related(@PathParam("id") String id, @QueryParam("category") String category, @QueryParam("days") String days) {
    long customer;
    try {
      customer = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("customer", id);
    }
    Integer window = days == null || days.isBlank() ? null : QueryParams.intValue("days", days, 30, 1, 366);
    return related.of(customer, QueryParams.longValue("category", category), window);
  }
}
