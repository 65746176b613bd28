package org.centralis.sla.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.centralis.sla.application.BranchCalendars;
import org.centralis.sla.application.ClockRecompute;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The business calendar of a branch: read it (any role, own subtree), assign or remove it (ADMIN). */
@Path("branches/{id}/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Business calendars")
public class BranchCalendarResource {

  /** The body of a PUT. */
  public record Assignment(String calendar) {}

  @Inject private BranchCalendars branchCalendars;
  @Inject private ClockRecompute recompute;

  @GET
  @Operation(summary = "The branch's effective calendar and where it comes from (ASSIGNED, INHERITED from an ancestor, DEFAULT 7x24)")
  public BranchCalendars.Effective get(@PathParam("id") long id) {
    return branchCalendars.effective(id);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Assign a calendar to the branch and its subtree (ADMIN); the subtree's open clocks on branch calendars are recomputed")
  public Map<String, Object> put(@PathParam("id") long id, Assignment body) {
    BranchCalendars.Change change = branchCalendars.assign(id, body == null ? null : body.calendar());
    return answer(id, change);
  }

  @DELETE
  @Operation(summary = "Remove the branch's own calendar (ADMIN): it inherits its parent's again; open clocks are recomputed")
  public Map<String, Object> delete(@PathParam("id") long id) {
    return answer(id, branchCalendars.unassign(id));
  }

  private Map<String, Object> answer(long id, BranchCalendars.Change change) {
    int recomputed = change.changed() ? recompute.subtree(change.branchPath()) : 0;
    return Map.of("branch", branchCalendars.effective(id), "recomputedClocks", recomputed);
  }
}
