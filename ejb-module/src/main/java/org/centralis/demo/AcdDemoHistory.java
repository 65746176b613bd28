package org.centralis.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two weeks (and today so far) of simulated contact-center history, written in the demo load's transaction after
 * {@link AcdDemoData}, so that the reports and the wallboard have something real to show. Per agent and working day
 * (about 70% of the agents on weekdays, 45% at weekends; shifts start at 08:30, 09:00 or 09:30 and last 8.5 h): READY
 * while idle, BUSY for each contact answered, WRAP_UP for the queue's wrap-up length, NOT_READY for a meal, two short
 * breaks and now and then training or a meeting, LOGGED_OUT between shifts. Each answered contact is an ENDED (or, 1 in
 * 25, TRANSFERRED) interaction of a queue the agent is qualified for, arrived some seconds before its answer; about 7%
 * more callers hang up while waiting (ABANDONED, 1 in 20 of them after the queue's maximum wait: MAX_WAIT).
 *
 * <p>Every log row is closed (the ACD opens the current one at the seat's first change) and has a negative id, so it
 * never meets the log's sequence. Every interaction gets a CONTACT fact and every log row an AGENT_STATE fact in
 * REPORT_FACT_PENDING: the report roll-up fills the aggregates from them after start, exactly as for live traffic.
 */
public final class AcdDemoHistory {

  static final int DAYS = 14;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String PREFIX = "DEMO-H-";
  private static final String[][] NOT_READY_EXTRAS = {{"TRAINING", "1800"}, {"MEETING", "1800"}};

  private AcdDemoHistory() {}

  private record Queue(long id, int wrapUp, int maxWait, int weight) {}

  private record Agent(long staffId, String branchPath, List<Queue> queues) {}

  /** What was written, for the load's log line. */
  public record Summary(int contacts, int stateRows) {}

  public static Summary write(Connection c, Instant now, long seed) throws SQLException {
    Map<Long, Queue> queues = queues(c);
    List<Agent> agents = agents(c, queues);
    Random r = new Random(seed ^ 0x5EED_ACDL);
    Instant cut = now.minusSeconds(120);
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    int contacts = 0;
    int rows = 0;
    try (PreparedStatement contact = c.prepareStatement(
            "INSERT INTO ACD_INTERACTION (ID, EXTERNAL_ID, CHANNEL, CALLER_NUMBER, QUEUE_ID, STATE, ARRIVED_AT, QUEUE_ENTERED_AT, AGENT_ID,"
                + " ANSWERED_AT, ENDED_AT, DISPOSITION) VALUES (ACD_INTERACTION_SEQ.NEXTVAL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement log = c.prepareStatement(
            "INSERT INTO ACD_AGENT_STATE_LOG (ID, STAFF_ID, BRANCH_PATH, STATE, REASON_CODE, STARTED_AT, ENDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Agent agent : agents) {
        Instant lastEnd = null;
        for (LocalDate day = today.minusDays(DAYS); !day.isAfter(today); day = day.plusDays(1)) {
          boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
          if (r.nextDouble() >= (weekend ? 0.45 : 0.7)) {
            continue;
          }
          Instant start = day.atTime(LocalTime.of(8, 30).plusMinutes(30L * r.nextInt(3))).atZone(ZONE).toInstant();
          Instant end = min(start.plusSeconds(8 * 3600 + 1800), cut);
          if (!start.isBefore(end.minusSeconds(600))) {
            continue;
          }
          Shift shift = new Shift(agent, log, rows);
          if (lastEnd != null) {
            shift.period("LOGGED_OUT", null, lastEnd, start);
          }
          List<Object[]> pauses = pauses(day, r);
          Instant t = start;
          while (t.isBefore(end)) {
            Object[] pause = pauses.isEmpty() ? null : pauses.get(0);
            long idle = 60 + (long) (-Math.log(1 - r.nextDouble()) * 1500);
            Instant answer = t.plusSeconds(idle);
            if (pause != null && !((Instant) pause[1]).isAfter(answer) && ((Instant) pause[1]).isBefore(end)) {
              Instant from = max(t, (Instant) pause[1]);
              Instant to = min(from.plusSeconds((Long) pause[2]), end);
              shift.period("READY", null, t, from);
              shift.period("NOT_READY", (String) pause[0], from, to);
              pauses.remove(0);
              t = to;
              continue;
            }
            Queue q = pick(agent.queues(), r);
            long talk = 45 + (long) Math.min(1200, -Math.log(1 - r.nextDouble()) * 160);
            Instant ended = answer.plusSeconds(talk);
            Instant ready = ended.plusSeconds(q.wrapUp());
            if (ready.isAfter(end)) {
              shift.period("READY", null, t, end);
              t = end;
              break;
            }
            long wait = waitSeconds(r);
            Instant arrived = answer.minusSeconds(wait);
            contact(contact, contact(day, ++contacts), r.nextInt(8) == 0 ? "CHAT" : "VOICE", q.id(), r.nextInt(25) == 0 ? "TRANSFERRED" : "ENDED",
                arrived, agent.staffId(), answer, ended, null, r);
            if (r.nextDouble() < 0.07) {
              boolean expired = r.nextInt(20) == 0;
              long waited = expired ? q.maxWait() : 3 + r.nextInt(90);
              Instant called = arrived.plusSeconds(r.nextInt(240) - 120);
              if (called.plusSeconds(waited).isBefore(cut)) {
                contact(contact, contact(day, ++contacts), "VOICE", q.id(), "ABANDONED", called, null, null, called.plusSeconds(waited),
                    expired ? "MAX_WAIT" : null, r);
              }
            }
            shift.period("READY", null, t, answer);
            shift.period("BUSY", null, answer, ended);
            shift.period("WRAP_UP", null, ended, ready);
            t = ready;
          }
          lastEnd = t;
          rows = shift.rows;
        }
      }
      contact.executeBatch();
      log.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO ACD_QUEUE_VISIT (INTERACTION_ID, VISIT_NO, QUEUE_ID, ENTERED_AT, REASON)"
          + " SELECT ID, 1, QUEUE_ID, ARRIVED_AT, 'ARRIVAL' FROM ACD_INTERACTION WHERE EXTERNAL_ID LIKE '" + PREFIX + "%'");
      s.executeUpdate("INSERT INTO REPORT_FACT_PENDING (ID, FACT, REF_ID, CREATED_AT)"
          + " SELECT REPORT_FACT_SEQ.NEXTVAL, 'CONTACT', ID, ENDED_AT FROM ACD_INTERACTION WHERE EXTERNAL_ID LIKE '" + PREFIX + "%'");
      s.executeUpdate("INSERT INTO REPORT_FACT_PENDING (ID, FACT, REF_ID, CREATED_AT)"
          + " SELECT REPORT_FACT_SEQ.NEXTVAL, 'AGENT_STATE', ID, ENDED_AT FROM ACD_AGENT_STATE_LOG WHERE ID < 0");
    }
    return new Summary(contacts, rows);
  }

  /** One agent's log rows of a day, in order, each closed, numbered down from -1 across all agents. */
  private static final class Shift {
    private final Agent agent;
    private final PreparedStatement log;
    private int rows;

    Shift(Agent agent, PreparedStatement log, int rows) {
      this.agent = agent;
      this.log = log;
      this.rows = rows;
    }

    void period(String state, String reason, Instant from, Instant to) throws SQLException {
      if (!from.isBefore(to)) {
        return;
      }
      log.setLong(1, -(++rows));
      log.setLong(2, agent.staffId());
      log.setString(3, agent.branchPath());
      log.setString(4, state);
      log.setString(5, reason);
      log.setObject(6, from.atOffset(ZoneOffset.UTC));
      log.setObject(7, to.atOffset(ZoneOffset.UTC));
      log.addBatch();
      if (rows % 1000 == 0) {
        log.executeBatch();
      }
    }
  }

  /** A meal around noon, two short breaks, sometimes training or a meeting: {reason, start, seconds}, by start. */
  private static List<Object[]> pauses(LocalDate day, Random r) {
    List<Object[]> pauses = new ArrayList<>();
    pauses.add(new Object[] {"BREAK", at(day, 10, r.nextInt(60)), 600L + r.nextInt(300)});
    pauses.add(new Object[] {"MEAL", at(day, 11, 30 + r.nextInt(90)), 1800L + r.nextInt(900)});
    pauses.add(new Object[] {"BREAK", at(day, 15, r.nextInt(60)), 600L + r.nextInt(300)});
    if (r.nextInt(8) == 0) {
      String[] extra = NOT_READY_EXTRAS[r.nextInt(NOT_READY_EXTRAS.length)];
      pauses.add(new Object[] {extra[0], at(day, 16, r.nextInt(30)), Long.parseLong(extra[1])});
    }
    pauses.sort((a, b) -> ((Instant) a[1]).compareTo((Instant) b[1]));
    return pauses;
  }

  /** Mostly within the 20 s threshold, a quarter up to a minute, a few up to three. */
  private static long waitSeconds(Random r) {
    double p = r.nextDouble();
    return p < 0.7 ? 2 + r.nextInt(18) : p < 0.95 ? 20 + r.nextInt(40) : 60 + r.nextInt(120);
  }

  private static void contact(PreparedStatement ps, String externalId, String channel, long queue, String state, Instant arrived, Long agent,
      Instant answered, Instant ended, String disposition, Random r) throws SQLException {
    ps.setString(1, externalId);
    ps.setString(2, channel);
    ps.setString(3, "13" + (100_000_000 + r.nextInt(900_000_000)));
    ps.setLong(4, queue);
    ps.setString(5, state);
    ps.setObject(6, arrived.atOffset(ZoneOffset.UTC));
    ps.setObject(7, arrived.atOffset(ZoneOffset.UTC));
    ps.setObject(8, agent);
    ps.setObject(9, answered == null ? null : answered.atOffset(ZoneOffset.UTC));
    ps.setObject(10, ended.atOffset(ZoneOffset.UTC));
    ps.setString(11, disposition);
    ps.addBatch();
  }

  private static String contact(LocalDate day, int n) {
    return PREFIX + day + "-" + n;
  }

  private static Instant at(LocalDate day, int hour, int minutes) {
    return day.atTime(hour, 0).plusMinutes(minutes).atZone(ZONE).toInstant();
  }

  private static Queue pick(List<Queue> queues, Random r) {
    int total = queues.stream().mapToInt(Queue::weight).sum();
    int x = r.nextInt(total);
    for (Queue q : queues) {
      x -= q.weight();
      if (x < 0) {
        return q;
      }
    }
    return queues.get(queues.size() - 1);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The queues, weighted by how much traffic each gets: retail most, English least. */
  private static Map<Long, Queue> queues(Connection c) throws SQLException {
    Map<String, Integer> weights = Map.of("RETAIL", 10, "CARD", 6, "CORPORATE", 3, "COMPLAINT", 2, "ENGLISH", 1);
    Map<Long, Queue> queues = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT ID, CODE, WRAP_UP_SECONDS, MAX_WAIT_SECONDS FROM ACD_QUEUE ORDER BY ID")) {
      while (rs.next()) {
        queues.put(rs.getLong(1), new Queue(rs.getLong(1), rs.getInt(3), rs.getInt(4), weights.getOrDefault(rs.getString(2), 1)));
      }
    }
    return queues;
  }

  /** The seats, each with the queues whose every required skill it holds at the minimum level. */
  private static List<Agent> agents(Connection c, Map<Long, Queue> queues) throws SQLException {
    Map<Long, Agent> agents = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT a.STAFF_ID, a.BRANCH_PATH, q.ID FROM ACD_AGENT_STATE a, ACD_QUEUE q"
            + " WHERE NOT EXISTS (SELECT 1 FROM ACD_QUEUE_SKILL qs WHERE qs.QUEUE_ID = q.ID AND NOT EXISTS (SELECT 1 FROM ACD_AGENT_SKILL k"
            + " WHERE k.STAFF_ID = a.STAFF_ID AND k.SKILL_ID = qs.SKILL_ID AND k.SKILL_LEVEL >= qs.MIN_LEVEL)) ORDER BY a.STAFF_ID, q.ID")) {
      while (rs.next()) {
        Agent agent = agents.get(rs.getLong(1));
        if (agent == null) {
          agent = new Agent(rs.getLong(1), rs.getString(2), new ArrayList<>());
          agents.put(agent.staffId(), agent);
        }
        agent.queues().add(queues.get(rs.getLong(3)));
      }
    }
    return new ArrayList<>(agents.values());
  }
}
