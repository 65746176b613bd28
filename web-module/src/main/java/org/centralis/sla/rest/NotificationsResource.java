package org.centralis.sla.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.sla.application.Notifications;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's in-app inbox: SLA warnings, breaches and escalations addressed to them. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationsResource {

  @Inject private Notifications notifications;

  @GET
  @Operation(summary = "The caller's notifications, newest first")
  public PageDto<Notifications.Item> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 100_000);
    return PageDto.of(notifications.mine(paging.offset(), paging.limit()));
  }

  @GET
  @Path("unread-count")
  @Operation(summary = "How many of the caller's notifications are unread")
  public Map<String, Long> unread() {
    return Map.of("unread", notifications.unread());
  }

  @POST
  @Path("{id}/acknowledge")
  @Operation(summary = "Confirm an escalation that asks for it: the chain stops for that deadline (409 not-acknowledgeable otherwise)")
  public Notifications.Item acknowledge(@PathParam("id") long id) {
    return notifications.acknowledge(id);
  }

  @POST
  @Path("{id}/read")
  @Operation(summary = "Mark one of the caller's notifications read")
  public Notifications.Item read(@PathParam("id") long id) {
    return notifications.markRead(id);
  }
}
