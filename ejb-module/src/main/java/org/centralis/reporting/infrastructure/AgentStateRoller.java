package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.centralis.reporting.application.FactOutbox.Fact;

/**
 * Folds closed agent-state periods (ACD_AGENT_STATE_LOG rows, one AGENT_STATE fact each) into ACD_AGENT_INTERVAL_STAT:
 * each period [STARTED_AT, ENDED_AT) is split at the UTC 30-minute edges and its milliseconds are added to the agent ×
 * interval × state × reason row (reason '-' when the state has none). LOGGED_OUT periods are not counted (no report
 * reads them, and a night would add 30 rows per agent). A period that ends before it starts (two nodes' clocks
 * apart) counts 0.
 */
@ApplicationScoped
public class AgentStateRoller implements FactRoller {

  /** Length of a report interval (UTC-aligned; Asia/Shanghai's whole-hour offset keeps them local half hours). */
  public static final long INTERVAL_MILLIS = 30 * 60 * 1000L;

  /** The reason key of a state that has none. */
  public static final String NO_REASON = "-";

  @Override
  public Fact fact() {
    return Fact.AGENT_STATE;
  }

  @Override
  public void roll(Connection c, List<PendingFact> facts) throws SQLException {
    AggregateDeltas deltas = new AggregateDeltas();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT STAFF_ID, BRANCH_PATH, STATE, REASON_CODE, STARTED_AT, ENDED_AT FROM ACD_AGENT_STATE_LOG WHERE ID = ?")) {
      for (PendingFact f : facts) {
        s.setLong(1, f.refId());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || r.getObject(6) == null || "LOGGED_OUT".equals(r.getString(3))) {
            continue; // gone, still open (not a fact yet) or not counted
          }
          String reason = r.getString(4) == null ? NO_REASON : r.getString(4);
          Instant from = r.getObject(5, OffsetDateTime.class).toInstant();
          Instant to = r.getObject(6, OffsetDateTime.class).toInstant();
          for (Slice slice : split(from, to)) {
            deltas.row("ACD_AGENT_INTERVAL_STAT", "STAFF_ID", r.getLong(1), "INTERVAL_START", slice.intervalStart().atOffset(ZoneOffset.UTC),
                    "STATE", r.getString(3), "REASON_CODE", reason)
                .withValue("BRANCH_PATH", r.getString(2))
                .add("MILLIS", slice.millis());
          }
        }
      }
    }
    deltas.apply(c);
  }

  /** The part of a period that falls in one interval. */
  public record Slice(Instant intervalStart, long millis) {}

  /** [from, to) cut at the interval edges; empty when to is not after from. */
  public static List<Slice> split(Instant from, Instant to) {
    List<Slice> slices = new ArrayList<>();
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    while (start < end) {
      long interval = Math.floorDiv(start, INTERVAL_MILLIS) * INTERVAL_MILLIS;
      long stop = Math.min(end, interval + INTERVAL_MILLIS);
      slices.add(new Slice(Instant.ofEpochMilli(interval), stop - start));
      start = stop;
    }
    return slices;
  }
}
