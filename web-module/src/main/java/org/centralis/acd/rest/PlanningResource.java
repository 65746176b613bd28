package org.centralis.acd.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.centralis.acd.application.StaffingPlanner;
import org.centralis.acd.domain.ErlangC;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Erlang C workforce planning (人力测算) for supervisors, headquarters and administrators. The
 * formulas and their numerical method are in docs/erlang-c.md.
 */
@Path("planning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Planning")
public class PlanningResource {

  @Inject private StaffingPlanner planner;

  @GET
  @Path("erlang-c")
  @Operation(summary = "Erlang C figures of a queue with a given number of agents")
  @APIResponse(responseCode = "200", description = "the figures; an overloaded queue (agents ≤ traffic) has stable false and asaSeconds null")
  @APIResponse(responseCode = "400", description = "a parameter missing or out of range (problem+json naming it)")
  @APIResponse(responseCode = "403", description = "not a supervisor, HQ manager or administrator")
  public QueueFiguresDto erlangC(
      @Parameter(description = "contacts offered per hour, 0–10,000,000", required = true) @QueryParam("arrivalsPerHour") String arrivalsPerHour,
      @Parameter(description = "average handling time in seconds (talk + hold + wrap-up), above 0", required = true) @QueryParam("ahtSeconds") String ahtSeconds,
      @Parameter(description = "agents on the phones, 1–100,000", required = true) @QueryParam("agents") String agents,
      @Parameter(description = "answer-time threshold of the service level in seconds, e.g. 20", required = true) @QueryParam("thresholdSeconds") String thresholdSeconds) {
    return QueueFiguresDto.of(
        planner.erlangC(
            required("arrivalsPerHour", arrivalsPerHour),
            required("ahtSeconds", ahtSeconds),
            QueryParams.intValue("agents", present("agents", agents), 0, 1, ErlangC.MAX_AGENTS),
            required("thresholdSeconds", thresholdSeconds)));
  }

  @GET
  @Path("required-agents")
  @Operation(summary = "Fewest agents that meet a service-level target and an occupancy cap, and the head count after shrinkage")
  @APIResponse(responseCode = "200", description = "the requirement and the figures it gives")
  @APIResponse(responseCode = "400", description = "a parameter missing or out of range, or more than 100,000 agents needed (problem+json naming the parameter)")
  @APIResponse(responseCode = "403", description = "not a supervisor, HQ manager or administrator")
  public StaffingDto requiredAgents(
      @Parameter(description = "contacts offered per hour, 0–10,000,000", required = true) @QueryParam("arrivalsPerHour") String arrivalsPerHour,
      @Parameter(description = "average handling time in seconds, above 0", required = true) @QueryParam("ahtSeconds") String ahtSeconds,
      @Parameter(description = "answer-time threshold in seconds, e.g. 20", required = true) @QueryParam("thresholdSeconds") String thresholdSeconds,
      @Parameter(description = "share to answer within the threshold, above 0 and at most 1, e.g. 0.8", required = true) @QueryParam("targetServiceLevel") String targetServiceLevel,
      @Parameter(description = "highest acceptable occupancy, above 0 and at most 1; default 1 (no cap)") @QueryParam("maxOccupancy") String maxOccupancy,
      @Parameter(description = "share of paid time off the phones (breaks, training, absence), 0 to below 1; default 0") @QueryParam("shrinkage") String shrinkage) {
    return StaffingDto.of(
        planner.requiredAgents(
            required("arrivalsPerHour", arrivalsPerHour),
            required("ahtSeconds", ahtSeconds),
            required("thresholdSeconds", thresholdSeconds),
            required("targetServiceLevel", targetServiceLevel),
            optional("maxOccupancy", maxOccupancy, 1.0),
            optional("shrinkage", shrinkage, 0.0)));
  }

  private static double required(String name, String value) {
    return QueryParams.doubleValue(name, present(name, value));
  }

  private static double optional(String name, String value, double defaultValue) {
    Double d = QueryParams.doubleValue(name, value);
    return d == null ? defaultValue : d;
  }

  private static String present(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name, "invalid-parameter", name + " is required", name);
    }
    return value;
  }
}
