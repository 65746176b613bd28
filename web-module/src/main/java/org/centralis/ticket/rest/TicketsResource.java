package org.centralis.ticket.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.ticket.application.LogRequest;
import org.centralis.ticket.application.TicketFilter;
import org.centralis.ticket.application.TicketIntake;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.application.TicketSort;
import org.centralis.ticket.application.TicketSummary;
import org.centralis.ticket.application.TicketView;
import org.centralis.ticket.application.TicketAction;
import org.centralis.ticket.application.TicketActionRequest;
import org.centralis.ticket.application.TicketWork;
import java.util.List;
import java.util.Locale;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tickets (工单): log a request, read one, list the caller's branch subtree, and work one through
 * its lifecycle ({@code POST /tickets/{number}/actions/{action}}).
 */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketsResource {

  @Inject private TicketIntake intake;
  @Inject private TicketQueries queries;
  @Inject private TicketWork work;
  @Context private UriInfo uriInfo;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Log a request; it is dispatched asynchronously (status NEW, then DISPATCHED)")
  @APIResponse(responseCode = "201", description = "created; Location names the ticket")
  @APIResponse(responseCode = "400", description = "invalid fields (problem+json with errors)")
  public Response log(LogRequest request) {
    TicketView ticket = intake.logRequest(request);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(ticket.number()).build()).entity(ticket).build();
  }

  @GET
  @Path("{number}")
  @Operation(summary = "One ticket with its timeline; 404 also for tickets outside your branch scope")
  public TicketView get(@PathParam("number") String number) {
    return queries.find(number);
  }

  @GET
  @Operation(summary = "Tickets of your branch subtree, newest first, filtered and paged")
  public PageDto<TicketSummary> list(
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("priority") String priority,
      @QueryParam("branch") String branch,
      @QueryParam("q") String text,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("sort") String sort,
      @QueryParam("order") String order,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    TicketFilter filter =
        new TicketFilter(
            QueryParams.enumValue("status", status, TicketStatus.class),
            QueryParams.enumValue("type", type, TicketType.class),
            QueryParams.enumValue("priority", priority, Priority.class),
            QueryParams.longValue("branch", branch),
            text,
            QueryParams.instant("from", from),
            QueryParams.instant("to", to));
    TicketSort by = QueryParams.enumValue("sort", sort, TicketSort.class);
    boolean ascending = "asc".equalsIgnoreCase(order);
    return PageDto.of(queries.list(filter, paging.offset(), paging.limit(), by, ascending));
  }

  @POST
  @Path("{number}/actions/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Act on a ticket: accept, reject, return, start, pend, resume, resolve, close, reopen, cancel, transfer, reclassify, comment",
      description = "Body {reason, note, teamId, visibility, categoryId, priority}: reject/return/reopen/cancel/transfer/reclassify need"
          + " a reason, resolve and comment a note, transfer a teamId, comment optionally visibility INTERNAL or CUSTOMER, reclassify a"
          + " categoryId of the ticket's type and/or a priority (the SLA deadlines are recomputed). Answers the ticket as it is now.")
  @APIResponse(responseCode = "200", description = "the updated ticket")
  @APIResponse(responseCode = "400", description = "unknown action, a required field missing, or (reclassify) unknown-category, category-type-mismatch, nothing-to-change")
  @APIResponse(responseCode = "403", description = "your role or relation to the ticket does not allow this action")
  @APIResponse(responseCode = "404", description = "no such ticket, or not visible to you")
  @APIResponse(responseCode = "409", description = "the ticket's status does not allow it (ticket-transition), or it changed meanwhile (concurrent-change)")
  public TicketView act(@PathParam("number") String number, @PathParam("action") String action, TicketActionRequest request) {
    TicketAction a = QueryParams.enumValue("action", action, TicketAction.class);
    return work.act(number, a, request == null ? TicketActionRequest.none() : request);
  }

  @GET
  @Path("{number}/actions")
  @Operation(summary = "The actions you may take on the ticket now, lower case, as used in the action path")
  public List<String> allowedActions(@PathParam("number") String number) {
    return work.allowedActions(number).stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
  }
}
