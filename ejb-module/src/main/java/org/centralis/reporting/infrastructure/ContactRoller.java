package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.centralis.reporting.application.FactOutbox.Fact;

/**
 * Folds final contacts (ENDED or TRANSFERRED after an answer, ABANDONED) into ACD_INTERVAL_STAT and
 * ACD_AGENT_CONTACT_STAT (docs/metrics.md). A contact counts in the UTC half hour of its outcome — the answer for an
 * answered contact, the end for an abandoned one — in the queue it was in at that moment. Wait = outcome − original
 * arrival; talk = end − answer; wrap-up = the queue's WRAP_UP_SECONDS (the actual wrap-up is the agent-state log's, not
 * knowable from the contact). A contact that ended without an answer (a closed queue's CALLBACK/VOICEMAIL) is no fact.
 */
@ApplicationScoped
public class ContactRoller implements FactRoller {

  static final long INTERVAL_SECONDS = 1800;
  /** Ids per IN list: under Oracle's 1,000 limit, and a roll-up batch is {@value FactClaims#BATCH}. */
  private static final int CHUNK = 500;

  private static final String SQL =
      "SELECT i.ID, i.QUEUE_ID, i.CHANNEL, i.STATE, i.ARRIVED_AT, i.ANSWERED_AT, i.ENDED_AT, i.AGENT_ID,"
          + " q.SL_THRESHOLD_SECONDS, q.WRAP_UP_SECONDS, COALESCE(a.BRANCH_PATH, b.PATH)"
          + " FROM ACD_INTERACTION i JOIN ACD_QUEUE q ON q.ID = i.QUEUE_ID"
          + " LEFT JOIN ACD_AGENT_STATE a ON a.STAFF_ID = i.AGENT_ID"
          + " LEFT JOIN STAFF s ON s.ID = i.AGENT_ID LEFT JOIN BRANCH b ON b.ID = s.BRANCH_ID"
          + " WHERE i.ID IN (%s)";

  @Override
  public Fact fact() {
    return Fact.CONTACT;
  }

  @Override
  public void roll(Connection c, List<PendingFact> facts) throws SQLException {
    AggregateDeltas deltas = new AggregateDeltas();
    for (int from = 0; from < facts.size(); from += CHUNK) {
      List<PendingFact> chunk = facts.subList(from, Math.min(facts.size(), from + CHUNK));
      try (PreparedStatement s = c.prepareStatement(String.format(SQL, String.join(", ", Collections.nCopies(chunk.size(), "?"))))) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setLong(i + 1, chunk.get(i).refId());
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            add(deltas, r);
          }
        }
      }
    }
    deltas.apply(c);
  }

  private static void add(AggregateDeltas deltas, ResultSet r) throws SQLException {
    String state = r.getString(4);
    Instant arrived = instant(r, 5);
    Instant answered = instant(r, 6);
    Instant ended = instant(r, 7);
    long threshold = r.getLong(9);
    boolean abandoned = "ABANDONED".equals(state);
    if (ended == null || (!abandoned && answered == null) || !List.of("ENDED", "TRANSFERRED", "ABANDONED").contains(state)) {
      return; // not final, or ended unanswered by a closed queue: no outcome to count
    }
    Instant outcome = abandoned ? ended : answered;
    long wait = Math.max(0, Duration.between(arrived, outcome).toSeconds());
    OffsetDateTime interval = intervalOf(outcome);
    AggregateDeltas.Row row = deltas.row("ACD_INTERVAL_STAT", "QUEUE_ID", r.getLong(2), "INTERVAL_START", interval, "CHANNEL", r.getString(3))
        .add("OFFERED", 1)
        .max("MAX_WAIT_SECONDS", wait);
    if (abandoned) {
      row.add("ABANDONED", 1).add("ABANDONED_WITHIN", wait <= threshold ? 1 : 0).add("ABANDON_WAIT_SECONDS", wait);
      return;
    }
    long talk = Math.max(0, Duration.between(answered, ended).toSeconds());
    row.add("ANSWERED", 1)
        .add("ANSWERED_WITHIN", wait <= threshold ? 1 : 0)
        .add("TRANSFERRED", "TRANSFERRED".equals(state) ? 1 : 0)
        .add("ANSWER_WAIT_SECONDS", wait)
        .add("TALK_SECONDS", talk)
        .add("WRAP_SECONDS", r.getLong(10));
    long agent = r.getLong(8);
    if (!r.wasNull()) {
      deltas.row("ACD_AGENT_CONTACT_STAT", "STAFF_ID", agent, "INTERVAL_START", interval)
          .withValue("BRANCH_PATH", r.getString(11))
          .add("HANDLED", 1)
          .add("TALK_SECONDS", talk);
    }
  }

  /** The UTC-aligned half hour that holds {@code t} (an instant exactly on :00 or :30 starts its interval). */
  static OffsetDateTime intervalOf(Instant t) {
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), INTERVAL_SECONDS) * INTERVAL_SECONDS).atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
