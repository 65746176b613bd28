package org.centralis.sla.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.QueryParams;
import org.centralis.sla.application.BusinessCalendars;
import org.centralis.sla.application.CalendarDocument;
import org.centralis.sla.application.ClockRecompute;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Business calendars: define them (ADMIN), read them, and compute deadlines and working time on them. */
@Path("calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Business calendars")
public class CalendarsResource {

  /** A deadline as an ISO-8601 date-time with the calendar zone's offset. */
  public record DeadlineDto(String deadline) {}

  /** Working time in seconds. */
  public record WorkingTimeDto(long seconds) {}

  /** How many open deadlines a change of the calendar moved (they are recomputed before the answer). */
  static final String RECOMPUTED = "Centralis-Recomputed-Clocks";

  @Inject private BusinessCalendars calendars;
  @Inject private ClockRecompute recompute;
  @Context private UriInfo uriInfo;

  @GET
  @Operation(summary = "All calendars: code, name and time zone")
  public List<BusinessCalendars.CalendarRef> list() {
    return calendars.list();
  }

  @GET
  @Path("{code}")
  @Operation(summary = "One calendar's definition")
  public CalendarDocument get(@PathParam("code") String code) {
    return calendars.get(code);
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace a calendar (ADMIN); answers the stored definition")
  @APIResponse(responseCode = "200", description = "replaced; header Centralis-Recomputed-Clocks: open deadlines moved")
  @APIResponse(responseCode = "201", description = "created")
  @APIResponse(responseCode = "400", description = "invalid definition (problem+json naming the field)")
  public Response put(@PathParam("code") String code, CalendarDocument document) {
    BusinessCalendars.Saved saved = calendars.put(code, document);
    if (saved.created()) {
      return Response.created(uriInfo.getAbsolutePath()).entity(saved.calendar()).build();
    }
    // After the commit of the change, so that every batch reads the new rules.
    return Response.ok(saved.calendar()).header(RECOMPUTED, recompute.calendar(code)).build();
  }

  @POST
  @Path("{code}/holidays/ical")
  @Consumes("text/calendar")
  @Operation(summary = "Add the all-day events of an iCalendar feed as holiday dates (ADMIN); existing dates are kept")
  @APIResponse(responseCode = "200", description = "dates added and dates already present; header Centralis-Recomputed-Clocks")
  @APIResponse(responseCode = "400", description = "malformed feed (problem+json; the detail names the line)")
  @APIResponse(responseCode = "404", description = "unknown calendar")
  public Response importHolidays(@PathParam("code") String code, byte[] body) {
    BusinessCalendars.HolidayImport imported = calendars.importHolidays(code, new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
    return Response.ok(imported).header(RECOMPUTED, imported.added() > 0 ? recompute.calendar(code) : 0).build();
  }

  @GET
  @Path("{code}/deadline")
  @Operation(summary = "The instant when `seconds` of working time after `start` have elapsed")
  public DeadlineDto deadline(@PathParam("code") String code, @QueryParam("start") String start, @QueryParam("seconds") String seconds) {
    Instant from = required("start", QueryParams.instant("start", start));
    long amount = required("seconds", QueryParams.longValue("seconds", seconds));
    return new DeadlineDto(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(calendars.deadline(code, from, amount)));
  }

  @GET
  @Path("{code}/working-time")
  @Operation(summary = "Working seconds between two instants (0 when `to` is not after `from`)")
  public WorkingTimeDto workingTime(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
    return new WorkingTimeDto(calendars.workingTime(code, required("from", QueryParams.instant("from", from)), required("to", QueryParams.instant("to", to))));
  }

  private static <T> T required(String name, T value) {
    if (value == null) {
      throw new InvalidInputException(name, "invalid-parameter", name + " is required", name);
    }
    return value;
  }
}
