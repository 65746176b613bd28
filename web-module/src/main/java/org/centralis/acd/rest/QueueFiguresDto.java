package org.centralis.acd.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.centralis.acd.domain.ErlangC.Figures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Erlang C figures in API form. JSON has no infinity: an overloaded queue (agents ≤ traffic) has
 * {@code asaSeconds: null} and {@code stable: false}, and the null is written, not left out.
 */
@JsonbNillable
@JsonbPropertyOrder({"trafficErlangs", "probabilityOfWaiting", "serviceLevel", "asaSeconds", "occupancy", "stable"})
@Schema(name = "ErlangCFigures")
public record QueueFiguresDto(
    @Schema(description = "offered traffic A = arrivals × AHT, in Erlangs") double trafficErlangs,
    @Schema(description = "share of contacts that wait at all (Erlang C), 0–1") double probabilityOfWaiting,
    @Schema(description = "share answered within thresholdSeconds, 0–1") double serviceLevel,
    @Schema(description = "average speed of answer over all contacts; null when the queue is not stable", nullable = true) Double asaSeconds,
    @Schema(description = "share of agent time spent handling, A/N, 0–1; 1 when not stable") double occupancy,
    @Schema(description = "false when agents ≤ traffic: the queue grows without bound") boolean stable) {

  static QueueFiguresDto of(Figures f) {
    return new QueueFiguresDto(
        f.trafficErlangs(),
        f.probabilityOfWaiting(),
        f.serviceLevel(),
        Double.isFinite(f.asaSeconds()) ? f.asaSeconds() : null,
        f.occupancy(),
        f.stable());
  }
}
