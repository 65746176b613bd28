package org.centralis.reporting.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.centralis.reporting.application.InboxItemView;
import org.centralis.reporting.application.ReportInbox;
import org.centralis.reporting.application.ReportSchedules;
import org.centralis.reporting.application.ScheduleRequest;
import org.centralis.reporting.application.ScheduleView;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Report subscriptions (订阅) and the report inbox (报表收件箱). */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportSchedulesResource {

  @Inject private ReportSchedules schedules;
  @Inject private ReportInbox inbox;
  @Context private UriInfo uriInfo;

  @POST
  @Path("schedules")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Subscribe to a report: cron (5 fields) in a calendar's zone, a relative period, recipients")
  @APIResponse(responseCode = "201", description = "created; Location names the schedule")
  @APIResponse(responseCode = "400", description = "bad cron, period, format, calendar, branch or recipient (problem+json)")
  public Response create(ScheduleRequest request) {
    if (request == null) {
      throw new InvalidInputException("name", "invalid-parameter", "a body with name, report, cron and period is required");
    }
    ScheduleView created = schedules.create(request);
    return Response.created(uriInfo.getBaseUriBuilder().path(ReportSchedulesResource.class).path("schedules").path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("schedules")
  @Operation(summary = "Your schedules and those whose scope lies in your subtree")
  public List<ScheduleView> list() {
    return schedules.list();
  }

  @GET
  @Path("schedules/preview")
  @Operation(summary = "The next firings of an expression and the period each covers; nothing is saved")
  public List<ReportSchedules.Firing> preview(
      @QueryParam("cron") String cron, @QueryParam("calendar") String calendar, @QueryParam("workingDaysOnly") boolean workingDaysOnly,
      @QueryParam("period") String period) {
    if (cron == null || period == null) {
      throw new InvalidInputException(cron == null ? "cron" : "period", "invalid-parameter", "cron and period are required");
    }
    return schedules.preview(cron, calendar, workingDaysOnly, period);
  }

  @GET
  @Path("schedules/{id}")
  public ScheduleView get(@PathParam("id") String id) {
    return schedules.get(QueryParams.id("id", id));
  }

  @DELETE
  @Path("schedules/{id}")
  @Operation(summary = "Cancel a schedule (its owner or an administrator); archived runs stay")
  public ScheduleView cancel(@PathParam("id") String id) {
    return schedules.cancel(QueryParams.id("id", id));
  }

  @GET
  @Path("inbox")
  @Operation(summary = "Your report inbox, newest first")
  public PageDto<InboxItemView> inbox(@QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    return PageDto.of(inbox.mine(paging.offset(), paging.limit()));
  }

  @POST
  @Path("inbox/{id}/read")
  @Operation(summary = "Mark an inbox item read; answers the run to download")
  public Response read(@PathParam("id") String id) {
    long runId = inbox.open(QueryParams.id("id", id));
    return Response.ok(java.util.Map.of("runId", runId)).build();
  }
}
