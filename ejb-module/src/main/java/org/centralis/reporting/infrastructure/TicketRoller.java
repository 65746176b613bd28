package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.centralis.reporting.application.FactOutbox.Fact;

/**
 * Folds TICKET facts into TICKET_DAILY_STAT and SLA_DAILY_STAT (ADR 0012, docs/metrics.md). A fact counts on the
 * Asia/Shanghai day of its event, not of the roll-up: LOGGED on the ticket's CREATED_AT; {@code CLOSED:<ms>} and
 * {@code REOPENED:<ms>} on the instant they carry; {@code SLA_MET|SLA_BREACHED|SLA_UNMET:<clock>:<epoch day>} on that
 * day. The keys (owning branch, category, type, channel; the clock's metric) are read from the rows when rolled up.
 *
 * <p>Closed at first contact: at its close, the ticket had been dispatched at most once (the automatic dispatch to the
 * team that resolved it) and never rejected, returned, transferred or reopened — read from TICKET_EVENT up to the
 * close instant, so the answer does not depend on when the roll-up runs.
 */
@ApplicationScoped
public class TicketRoller implements FactRoller {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Timeline events that make a close not first-contact (a sub-task is another department's help); DISPATCHED counts only from the second. */
  private static final String HANDOFF_KINDS = "'DISPATCHED', 'REJECTED', 'RETURNED', 'REOPENED', 'TASK_DISPATCHED'";

  @Override
  public Fact fact() {
    return Fact.TICKET;
  }

  @Override
  public void roll(Connection c, List<PendingFact> facts) throws SQLException {
    Map<Long, TicketRow> tickets = tickets(c, facts.stream().map(PendingFact::refId).collect(Collectors.toCollection(TreeSet::new)));
    Set<Long> closing = new TreeSet<>();
    Set<Long> clockIds = new TreeSet<>();
    for (PendingFact f : facts) {
      String[] part = parts(f);
      if (part[0].equals("CLOSED")) {
        closing.add(f.refId());
      } else if (part[0].startsWith("SLA_") && part.length == 3) {
        clockIds.add(Long.parseLong(part[1]));
      }
    }
    Map<Long, List<Handoff>> handoffs = handoffs(c, closing);
    Map<Long, String> metrics = metrics(c, clockIds);
    AggregateDeltas deltas = new AggregateDeltas();
    for (PendingFact f : facts) {
      TicketRow t = tickets.get(f.refId());
      if (t == null) {
        continue; // no such ticket (any more): nothing to count
      }
      String[] part = parts(f);
      switch (part[0]) {
        case "LOGGED" -> ticketRow(deltas, t, day(t.createdAt())).add("LOGGED", 1);
        case "CLOSED" -> {
          Instant closed = Instant.ofEpochMilli(Long.parseLong(part[1]));
          ticketRow(deltas, t, day(closed))
              .add("CLOSED", 1)
              .add("CLOSE_SECONDS", Math.max(0, (closed.toEpochMilli() - t.createdAt().toEpochMilli()) / 1000))
              .add("CLOSED_FIRST_CONTACT", firstContact(handoffs.getOrDefault(t.id(), List.of()), closed) ? 1 : 0);
        }
        case "REOPENED" -> ticketRow(deltas, t, day(Instant.ofEpochMilli(Long.parseLong(part[1])))).add("REOPENED", 1);
        case "SLA_MET", "SLA_BREACHED", "SLA_UNMET" -> {
          String metric = metrics.get(Long.parseLong(part[1]));
          if (metric != null) {
            AggregateDeltas.Row row = deltas.row("SLA_DAILY_STAT", "BRANCH_ID", t.branchId(), "STAT_DAY", LocalDate.ofEpochDay(Long.parseLong(part[2])),
                    "CATEGORY_ID", t.categoryId(), "METRIC", metric)
                .withValue("BRANCH_PATH", t.branchPath());
            switch (part[0]) {
              case "SLA_MET" -> row.add("MET", 1);
              case "SLA_BREACHED" -> row.add("BREACHED", 1);
              default -> row.add("MET", -1); // a reopen took the MET back; the clock's final outcome counts later
            }
          }
        }
        default -> {
          // an unknown detail (a newer node's fact kind): skipped rather than blocking the batch for ever
        }
      }
    }
    if (!deltas.isEmpty()) {
      deltas.apply(c);
    }
  }

  private static String[] parts(PendingFact f) {
    return f.detail() == null ? new String[] {""} : f.detail().split(":");
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZONE);
  }

  private static AggregateDeltas.Row ticketRow(AggregateDeltas deltas, TicketRow t, LocalDate day) {
    return deltas.row("TICKET_DAILY_STAT", "BRANCH_ID", t.branchId(), "STAT_DAY", day, "CATEGORY_ID", t.categoryId(), "TICKET_TYPE", t.type(),
            "CHANNEL", t.channel())
        .withValue("BRANCH_PATH", t.branchPath());
  }

  static boolean firstContact(List<Handoff> events, Instant closedAt) {
    int dispatches = 0;
    for (Handoff e : events) {
      if (e.at().isAfter(closedAt)) {
        continue;
      }
      if (!e.kind().equals("DISPATCHED") || ++dispatches > 1) {
        return false;
      }
    }
    return true;
  }

  record TicketRow(long id, long branchId, String branchPath, long categoryId, String type, String channel, Instant createdAt) {}

  record Handoff(String kind, Instant at) {}

  private static Map<Long, TicketRow> tickets(Connection c, Collection<Long> ids) throws SQLException {
    Map<Long, TicketRow> rows = new HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH, CATEGORY_ID, TICKET_TYPE, CHANNEL, CREATED_AT FROM TICKET WHERE ID IN (" + marks(chunk) + ")")) {
        bind(s, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows.put(r.getLong(1), new TicketRow(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4), r.getString(5), r.getString(6),
                r.getObject(7, OffsetDateTime.class).toInstant()));
          }
        }
      }
    }
    return rows;
  }

  private static Map<Long, List<Handoff>> handoffs(Connection c, Collection<Long> ticketIds) throws SQLException {
    Map<Long, List<Handoff>> events = new HashMap<>();
    for (List<Long> chunk : chunks(ticketIds)) {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT TICKET_ID, KIND, OCCURRED_AT FROM TICKET_EVENT WHERE TICKET_ID IN (" + marks(chunk) + ") AND KIND IN (" + HANDOFF_KINDS + ")")) {
        bind(s, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            events.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Handoff(r.getString(2), r.getObject(3, OffsetDateTime.class).toInstant()));
          }
        }
      }
    }
    return events;
  }

  private static Map<Long, String> metrics(Connection c, Collection<Long> clockIds) throws SQLException {
    Map<Long, String> metrics = new HashMap<>();
    for (List<Long> chunk : chunks(clockIds)) {
      try (PreparedStatement s = c.prepareStatement("SELECT ID, METRIC FROM SLA_CLOCK WHERE ID IN (" + marks(chunk) + ")")) {
        bind(s, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            metrics.put(r.getLong(1), r.getString(2));
          }
        }
      }
    }
    return metrics;
  }

  /** Oracle takes at most 1,000 expressions in an IN list. */
  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 500) {
      chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
    }
    return chunks;
  }

  private static String marks(List<Long> ids) {
    return ids.stream().map(i -> "?").collect(Collectors.joining(", "));
  }

  private static void bind(PreparedStatement s, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      s.setLong(i + 1, ids.get(i));
    }
  }
}
