package org.centralis.ticket.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.shared.rest.SpreadsheetDownload;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.ticket.application.LogRequest;
import org.centralis.ticket.application.OpenTicketCount;
import org.centralis.ticket.application.TicketAction;
import org.centralis.ticket.application.TicketActionRequest;
import org.centralis.ticket.application.TicketBulk;
import org.centralis.ticket.application.TicketIntake;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.application.TicketSummary;
import org.centralis.ticket.application.TicketView;
import org.centralis.ticket.application.TicketWork;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.web.TicketSheet;
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

  @EJB private TicketIntake intake; // @EJB, not @Inject, on the paths every ticket takes: ADR 0023
  @Inject private TicketQueries queries;
  @Inject private TicketWork work;
  @Inject private TicketBulk bulk;
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
  public PageDto<TicketSummary> list(@BeanParam TicketListParams list, @QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    return PageDto.of(queries.list(list.filter(), paging.offset(), paging.limit(), list.sort(), list.ascending()));
  }

  /** The dashboards' figures: the caller's tickets by status, and the open ones by owning branch and type. */
  public record CountsDto(Map<TicketStatus, Long> byStatus, long open, List<OpenTicketCount> openByBranch) {}

  @GET
  @Path("counts")
  @Operation(
      summary = "How many tickets of your scope are in each status, and the open ones by owning branch (its path) and type",
      description = "The same scope as GET /tickets (your branch subtree and your team's tickets); open = every status but CLOSED and CANCELLED.")
  public CountsDto counts() {
    List<OpenTicketCount> open = queries.countOpen();
    return new CountsDto(queries.countByStatus(), open.stream().mapToLong(OpenTicketCount::count).sum(), open);
  }

  @GET
  @Path("export")
  @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The list (same filters and scope as GET /tickets) as a spreadsheet: format=xlsx (default) or csv, lang=zh_CN (default) or en",
      description = "At most 50,000 rows (400 export-too-large: narrow the filter). Audited as TICKETS_EXPORTED.")
  public Response export(@QueryParam("format") String format, @QueryParam("lang") String lang, @BeanParam TicketListParams list) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    List<TicketSummary> rows = queries.export(list.filter(), list.sort(), list.ascending());
    return SpreadsheetDownload.of(as, "tickets", (f, out) -> TicketSheet.write(f, rows, SpreadsheetDownload.locale(lang), out));
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

  /** The body of a bulk action: the tickets, and the fields the action needs (as for one ticket). */
  public record BulkRequest(List<String> numbers, String reason, String note, Long teamId) {}

  @POST
  @Path("bulk/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "One action on up to 200 tickets (supervisors): transfer {teamId, reason}, close {note}, cancel {reason}, comment {note}",
      description = "Each ticket is acted on in its own transaction with the usual checks and audit; the answer lists each ticket's"
          + " outcome (done with its new status, or the problem code that refused it); the batch is audited as TICKETS_BULK.")
  @APIResponse(responseCode = "200", description = "{action, succeeded, failed, outcomes:[{number, done, status, problem, detail}]}")
  @APIResponse(responseCode = "400", description = "bulk-action-not-supported, numbers-required, too-many-tickets")
  @APIResponse(responseCode = "403", description = "not a supervisor")
  public TicketBulk.Result bulk(@PathParam("action") String action, BulkRequest request) {
    BulkRequest r = request == null ? new BulkRequest(null, null, null, null) : request;
    TicketAction a = QueryParams.enumValue("action", action, TicketAction.class);
    if (a == null) {
      throw new NotFoundException("action", action);
    }
    return bulk.apply(r.numbers(), a, new TicketActionRequest(r.reason(), r.note(), r.teamId(), null, null, null, null));
  }

  @GET
  @Path("{number}/actions")
  @Operation(summary = "The actions you may take on the ticket now, lower case, as used in the action path")
  public List<String> allowedActions(@PathParam("number") String number) {
    return work.allowedActions(number).stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
  }
}
