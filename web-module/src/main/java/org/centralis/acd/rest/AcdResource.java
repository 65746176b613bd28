package org.centralis.acd.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.centralis.acd.application.AcdContacts.ContactEvent;
import org.centralis.acd.application.AcdCallbacks;
import org.centralis.acd.application.AcdContacts;
import org.centralis.acd.application.AcdQueues;
import org.centralis.acd.application.AcdSupervision;
import org.centralis.acd.application.AgentDesk;
import org.centralis.acd.application.AgentStateRequest;
import org.centralis.acd.application.ContactRequest;
import org.centralis.acd.application.ContactView;
import org.centralis.acd.application.QueueStats;
import org.centralis.acd.application.QueueView;
import org.centralis.acd.application.SeatView;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ACD for the PBX/CTI, the agent desk and the wallboard: contacts, their events and routing
 * explanation, agent states, offer answers, queues and their live figures. Routing rules: docs/acd.md.
 */
@Path("acd")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ACD")
public class AcdResource {

  @Inject private AcdContacts contacts;
  @Inject private AcdSupervision supervision;
  @Inject private AgentDesk desk;
  @Inject private AcdQueues queues;
  @Inject private AcdCallbacks callbacks;

  @POST
  @Path("contacts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A contact arrived (CTI). Idempotent on externalId: a repeat answers the same contact, different data is 409")
  @APIResponse(responseCode = "202", description = "accepted for routing; the contact as it is now (WAITING, OFFERED, or ENDED with a closed-hours disposition)")
  @APIResponse(responseCode = "400", description = "invalid fields, unknown queue or customer (problem+json)")
  @APIResponse(responseCode = "409", description = "the externalId exists with other data")
  public Response arrive(ContactRequest request) {
    return Response.accepted(contacts.arrive(request)).build();
  }

  @GET
  @Path("contacts/{externalId}")
  @Operation(summary = "One contact: state, queue history, agent, pending offer")
  public ContactView contact(@PathParam("externalId") String externalId) {
    return contacts.contact(externalId);
  }

  @POST
  @Path("contacts/{externalId}/{event}")
  @Operation(summary = "A CTI event on a contact: answered, ended, abandoned, transferred. A repeat answers the contact unchanged")
  @APIResponse(responseCode = "409", description = "the contact's state does not allow the event")
  public ContactView event(@PathParam("externalId") String externalId, @PathParam("event") String event) {
    return contacts.event(externalId, QueryParams.enumValue("event", event, ContactEvent.class));
  }

  /** A supervisor's change to a waiting contact: {@code queue} for a move, {@code priority} for a new priority. */
  public record SteerRequest(String queue, Integer priority, String reason) {}

  @GET
  @Path("waiting")
  @Operation(summary = "The contacts waiting now, in the order routing serves them (supervisors); caller numbers masked")
  public List<AcdSupervision.WaitingView> waiting() {
    return supervision.waiting();
  }

  @POST
  @Path("contacts/{externalId}/move")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move a waiting contact to another queue, keeping its arrival time (supervisors; audited): {queue, reason?}")
  @APIResponse(responseCode = "400", description = "unknown-queue, same-queue")
  @APIResponse(responseCode = "409", description = "the contact is no longer waiting (contact-state), or changed meanwhile (concurrent-change)")
  public ContactView move(@PathParam("externalId") String externalId, SteerRequest request) {
    SteerRequest r = request == null ? new SteerRequest(null, null, null) : request;
    return supervision.move(externalId, r.queue(), r.reason());
  }

  @POST
  @Path("contacts/{externalId}/priority")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a waiting contact's priority 0-9, higher served first (supervisors; audited): {priority, reason?}")
  @APIResponse(responseCode = "400", description = "invalid-priority")
  @APIResponse(responseCode = "409", description = "the contact is no longer waiting (contact-state), or changed meanwhile (concurrent-change)")
  public ContactView priority(@PathParam("externalId") String externalId, SteerRequest request) {
    if (request == null || request.priority() == null) {
      throw new InvalidInputException("priority", "invalid-priority", "a priority is 0 to 9");
    }
    return supervision.prioritize(externalId, request.priority(), request.reason());
  }

  /** The outcome of a callback call: {@code reached}, and a note. */
  public record CallbackOutcome(Boolean reached, String note) {}

  @GET
  @Path("callbacks")
  @Operation(summary = "The callback list (回拨): callers who reached a CALLBACK queue outside its hours, oldest first; agents see their queues',"
      + " supervisors all. Numbers masked except for the agent who holds the callback")
  public List<AcdCallbacks.CallbackView> callbacks() {
    return callbacks.unfinished();
  }

  @POST
  @Path("callbacks/{id}/claim")
  @Operation(summary = "An agent takes a callback and sees the number (audited)")
  @APIResponse(responseCode = "403", description = "callback-not-your-queue: the agent lacks the queue's skills")
  @APIResponse(responseCode = "409", description = "callback-taken: another agent holds it or it is finished")
  public AcdCallbacks.CallbackView claim(@PathParam("id") String id) {
    return callbacks.claim(QueryParams.id("id", id));
  }

  @POST
  @Path("callbacks/{id}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The agent holding the callback records the call: {reached, note?}. Not reached: open again, given up after the third call")
  @APIResponse(responseCode = "403", description = "callback-of-another-agent")
  @APIResponse(responseCode = "409", description = "callback-not-claimed")
  public AcdCallbacks.CallbackView outcome(@PathParam("id") String id, CallbackOutcome outcome) {
    if (outcome == null || outcome.reached() == null) {
      throw new InvalidInputException("reached", "reached-required", "say whether the caller was reached");
    }
    return callbacks.record(QueryParams.id("id", id), outcome.reached(), outcome.note());
  }

  @GET
  @Path("contacts/{externalId}/routing")
  @Operation(summary = "Why the contact went where it went: every offer with candidates, scores, relaxed skills and the deciding rule")
  public String routing(@PathParam("externalId") String externalId) {
    return contacts.routing(externalId);
  }

  @GET
  @Path("agents")
  @Operation(summary = "The seats in your scope (supervisor: your branch subtree; agent: your own)")
  public List<SeatView> seats() {
    return desk.seats();
  }

  @GET
  @Path("agents/{login}")
  @Operation(summary = "An agent's seat: state, reason, today's figures, the offered or held contact")
  public SeatView seat(@PathParam("login") String login) {
    return desk.seatOf(login);
  }

  @POST
  @Path("agents/{login}/state")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set an agent's state: READY, NOT_READY (reason), LOGGED_OUT, WRAP_UP_END. CTI; the agent for their own seat; supervisors in scope")
  @APIResponse(responseCode = "409", description = "the agent holds or is offered a contact")
  public SeatView state(@PathParam("login") String login, AgentStateRequest request) {
    return desk.changeState(login, request);
  }

  @POST
  @Path("offers/{id}/{answer}")
  @Operation(summary = "Accept or reject an offer (the offered agent, or the CTI). A repeat answers the seat unchanged")
  @APIResponse(responseCode = "409", description = "the offer was already decided otherwise (timed out, cancelled)")
  public SeatView answer(@PathParam("id") String id, @PathParam("answer") String answer) {
    long offerId = QueryParams.longValue("id", id);
    return switch (QueryParams.enumValue("answer", answer, Answer.class)) {
      case ACCEPT -> desk.accept(offerId);
      case REJECT -> desk.reject(offerId);
    };
  }

  /** The answers to an offer, as in the path. */
  public enum Answer {
    ACCEPT,
    REJECT
  }

  @GET
  @Path("reasons")
  @Operation(summary = "The not-ready reason codes")
  public List<ReasonDto> reasons() {
    return desk.reasons().stream().map(r -> new ReasonDto(r.getCode(), r.getName(), r.getNameEn(), r.isSystemCode())).toList();
  }

  /** A reason code. */
  public record ReasonDto(String code, String name, String nameEn, boolean system) {}

  @GET
  @Path("queues")
  @Operation(summary = "The routing queues and their rules")
  public List<QueueView> queues() {
    return queues.list();
  }

  @GET
  @Path("queues/{code}/stats")
  @Operation(summary = "Live figures: waiting, longest wait, agents by state, today's offered/answered/abandoned and service level")
  public QueueStats stats(@PathParam("code") String code) {
    return queues.stats(code);
  }
}
