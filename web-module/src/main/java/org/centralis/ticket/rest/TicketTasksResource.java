package org.centralis.ticket.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.rest.QueryParams;
import org.centralis.ticket.application.TaskView;
import org.centralis.ticket.application.TicketTasks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sub-tasks (协办) of a ticket: the team working it sends parts of the work to other teams anywhere
 * in the hierarchy; they accept, complete or reject; the ticket is resolved when the last is done.
 */
@Path("tickets/{number}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketTasksResource {

  /** The body of a sub-task request or step. */
  public record TaskRequest(Long teamId, String instruction, String text) {}

  @Inject private TicketTasks tasks;
  @Context private UriInfo uriInfo;

  @GET
  @Operation(summary = "The ticket's sub-tasks with what you may do to each")
  public List<TaskView> list(@PathParam("number") String number) {
    return tasks.of(number);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send part of the work to another team: {teamId, instruction}. For those who may resolve the ticket")
  @APIResponse(responseCode = "201", description = "the new sub-task; Location names it")
  @APIResponse(responseCode = "400", description = "team-required, unknown-team, same-team (the ticket's own), instruction-required")
  @APIResponse(responseCode = "403", description = "you do not coordinate this ticket")
  @APIResponse(responseCode = "409", description = "the ticket is not being worked (ticket-transition), or the team already has an open sub-task (task-exists)")
  public Response send(@PathParam("number") String number, TaskRequest request) {
    TaskRequest r = request == null ? new TaskRequest(null, null, null) : request;
    TaskView task = tasks.send(number, r.teamId(), r.instruction());
    return Response.created(uriInfo.getAbsolutePathBuilder().path(Integer.toString(task.seqNo())).build()).entity(task).build();
  }

  @GET
  @Path("{seq}")
  @Operation(summary = "One sub-task")
  public TaskView get(@PathParam("number") String number, @PathParam("seq") int seq) {
    return tasks.of(number).stream().filter(t -> t.seqNo() == seq).findFirst()
        .orElseThrow(() -> new NotFoundException("ticket-task", number + "#" + seq));
  }

  @POST
  @Path("{seq}/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A step of a sub-task: accept, complete {text: result}, reject {text: reason} (the receiving team), cancel {text: reason} (the coordinator)",
      description = "Completing the last open sub-task resolves the ticket with the teams' results, unless it is a complaint (resolved by hand, with its root cause).")
  @APIResponse(responseCode = "403", description = "task-action-forbidden")
  @APIResponse(responseCode = "409", description = "task-transition, or concurrent-change")
  public TaskView act(@PathParam("number") String number, @PathParam("seq") int seq, @PathParam("action") String action, TaskRequest request) {
    return tasks.act(number, seq, QueryParams.enumValue("action", action, TicketTasks.TaskAction.class), request == null ? null : request.text());
  }
}
