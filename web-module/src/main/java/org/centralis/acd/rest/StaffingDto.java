package org.centralis.acd.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.centralis.acd.domain.ErlangC.Staffing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A staffing requirement in API form; the figures are those with {@code agents} on the phones. */
@JsonbPropertyOrder({"agents", "agentsWithShrinkage", "serviceLevel", "occupancy", "probabilityOfWaiting"})
@Schema(name = "RequiredAgents")
public record StaffingDto(
    @Schema(description = "fewest agents on the phones meeting the service-level target and the occupancy cap") int agents,
    @Schema(description = "agents to schedule so that `agents` remain after shrinkage: ⌈agents / (1 − shrinkage)⌉") long agentsWithShrinkage,
    @Schema(description = "service level with `agents`, 0–1") double serviceLevel,
    @Schema(description = "occupancy with `agents`, 0–1") double occupancy,
    @Schema(description = "probability of waiting with `agents`, 0–1") double probabilityOfWaiting) {

  static StaffingDto of(Staffing s) {
    return new StaffingDto(
        s.agents(), s.agentsWithShrinkage(), s.figures().serviceLevel(), s.figures().occupancy(), s.figures().probabilityOfWaiting());
  }
}
