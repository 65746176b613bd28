package org.centralis.ticket.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.shared.rest.SpreadsheetDownload;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.ticket.application.TaskView;
import org.centralis.ticket.application.TicketSummary;
import org.centralis.ticket.application.TicketTasks;
import org.centralis.ticket.application.TicketWork;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.web.TicketSheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's ticket work: its queue (workload), counts per status, the sub-tasks sent to it, and "claim next". */
@Path("teams/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TeamsResource {

  @Inject private TicketWork work;
  @Inject private TicketTasks tasks;

  @GET
  @Path("tickets")
  @Operation(summary = "The team's tickets, oldest dispatch first; without status, every open one. For members and supervisors")
  @APIResponse(responseCode = "403", description = "not a member of the team, nor a supervisor over it")
  public PageDto<TicketSummary> queue(
      @PathParam("id") String id, @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    return PageDto.of(work.teamQueue(teamId(id), QueryParams.enumValue("status", status, TicketStatus.class), paging.offset(), paging.limit()));
  }

  @GET
  @Path("tickets/export")
  @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The team's queue (same order and status filter as GET tickets) as a spreadsheet: format=xlsx (default) or csv, lang=zh_CN (default) or en",
      description = "At most 50,000 rows (400 export-too-large). Audited as TEAM_QUEUE_EXPORTED.")
  @APIResponse(responseCode = "403", description = "not a member of the team, nor a supervisor over it")
  public Response exportQueue(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("format") String format, @QueryParam("lang") String lang) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    List<TicketSummary> rows = work.teamQueueExport(teamId(id), QueryParams.enumValue("status", status, TicketStatus.class));
    return SpreadsheetDownload.of(as, "team-tickets", (f, out) -> TicketSheet.write(f, rows, SpreadsheetDownload.locale(lang), out));
  }

  @GET
  @Path("ticket-counts")
  @Operation(summary = "How many of the team's tickets are in each status")
  public Map<String, Long> counts(@PathParam("id") String id) {
    Map<String, Long> counts = new LinkedHashMap<>();
    work.teamCounts(teamId(id)).forEach((status, n) -> counts.put(status.name(), n));
    return counts;
  }

  @GET
  @Path("tasks")
  @Operation(summary = "The sub-tasks other teams sent this team that are not done yet (dispatched or accepted), oldest first")
  @APIResponse(responseCode = "403", description = "not a member of the team, nor a supervisor over it")
  public List<TaskView> tasks(@PathParam("id") String id) {
    return tasks.ofTeam(teamId(id));
  }

  @POST
  @Path("claim-next")
  @Operation(summary = "Accept the team's oldest dispatched ticket yourself; 204 when nothing is waiting")
  @APIResponse(responseCode = "200", description = "the ticket you now hold")
  @APIResponse(responseCode = "204", description = "the team has no dispatched ticket")
  @APIResponse(responseCode = "403", description = "not a member of the team")
  public Response claimNext(@PathParam("id") String id) {
    return work.claimNext(teamId(id)).map(t -> Response.ok(t).build()).orElseGet(() -> Response.noContent().build());
  }

  private static long teamId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("team", id);
    }
  }
}
