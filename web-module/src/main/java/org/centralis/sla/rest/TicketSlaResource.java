package org.centralis.sla.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.centralis.sla.application.ClockView;
import org.centralis.sla.application.SlaClocks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A ticket's deadlines: every SLA clock, not only the nearest. Same visibility as the ticket. */
@Path("tickets/{number}/sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA")
public class TicketSlaResource {

  @Inject private SlaClocks clocks;

  @GET
  @Operation(summary = "The ticket's SLA clocks: state, due instant, warnings, pauses, working time left")
  public List<ClockView> get(@PathParam("number") String number) {
    return clocks.forTicket(number);
  }
}
