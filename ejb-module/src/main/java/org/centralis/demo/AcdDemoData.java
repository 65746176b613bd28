package org.centralis.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ACD demo data, written in the demo load's transaction after {@link DemoDataSet}: five skills,
 * five queues, the reason codes, each agent's skill levels and a LOGGED_OUT seat at extension
 * 8000+n. Deterministic, so that tests can reason about it:
 *
 * <ul>
 *   <li>RETAIL: every agentN at level 3 + N mod 7;
 *   <li>CARD: agent1..15 at 4 + N mod 5;
 *   <li>CORPORATE: agent16..25 at 5 + N mod 5;
 *   <li>COMPLAINT: agents with N divisible by 4 at 6 + (N / 4) mod 4;
 *   <li>ENGLISH: agent5, 10, ..., 30 at level 7 (8 for agent30).
 * </ul>
 */
public final class AcdDemoData {

  private AcdDemoData() {}

  /** Queue: code, name, English name, strategy, required skill, min level, tier priorities, offer timeout, max misses, wrap-up. */
  private record QueueDef(long id, String code, String name, String nameEn, String strategy, String skill, int minLevel, String tiers,
      int offerTimeout, int maxMisses, int wrapUp) {}

  private static final Map<String, String[]> SKILLS = new LinkedHashMap<>();

  static {
    SKILLS.put("RETAIL", new String[] {"个人业务", "Retail banking"});
    SKILLS.put("CARD", new String[] {"信用卡", "Credit cards"});
    SKILLS.put("CORPORATE", new String[] {"对公业务", "Corporate banking"});
    SKILLS.put("COMPLAINT", new String[] {"投诉处理", "Complaint handling"});
    SKILLS.put("ENGLISH", new String[] {"英语服务", "English"});
  }

  private static final QueueDef[] QUEUES = {
    new QueueDef(1, "RETAIL", "个人业务", "Retail banking", "LONGEST_IDLE", "RETAIL", 3, "GOLD=2,PLATINUM=4,PRIVATE=6", 15, 2, 20),
    new QueueDef(2, "CARD", "信用卡", "Credit cards", "LEAST_OCCUPIED", "CARD", 6, "PLATINUM=4,PRIVATE=6", 15, 2, 20),
    new QueueDef(3, "CORPORATE", "对公业务", "Corporate banking", "HIGHEST_SKILL", "CORPORATE", 6, null, 15, 2, 30),
    new QueueDef(4, "COMPLAINT", "投诉专线", "Complaints line", "FEWEST_CONTACTS", "COMPLAINT", 6, "GOLD=3,PLATINUM=5,PRIVATE=7", 20, 2, 60),
    new QueueDef(5, "ENGLISH", "English service", "English service", "ROUND_ROBIN", "ENGLISH", 6, null, 8, 2, 5),
  };

  private static final String[][] REASONS = {
    {"BREAK", "小休", "Short break"},
    {"TRAINING", "培训", "Training"},
    {"MEETING", "会议", "Meeting"},
    {"MEAL", "用餐", "Meal"},
  };

  public static void write(Connection c, Instant now) throws SQLException {
    Map<String, Long> skillIds = new LinkedHashMap<>();
    long id = 1;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ACD_SKILL (ID, CODE, NAME, NAME_EN) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, String[]> s : SKILLS.entrySet()) {
        skillIds.put(s.getKey(), id);
        ps.setLong(1, id++);
        ps.setString(2, s.getKey());
        ps.setString(3, s.getValue()[0]);
        ps.setString(4, s.getValue()[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement q = c.prepareStatement(
            "INSERT INTO ACD_QUEUE (ID, CODE, NAME, NAME_EN, STRATEGY, TIER_PRIORITIES, SL_TARGET_PERCENT, SL_THRESHOLD_SECONDS,"
                + " MAX_WAIT_SECONDS, WRAP_UP_SECONDS, OFFER_TIMEOUT_SECONDS, MAX_MISSES, CLOSED_ACTION) VALUES (?, ?, ?, ?, ?, ?, 80, 20, 900, ?, ?, ?, 'VOICEMAIL')");
        PreparedStatement qs = c.prepareStatement("INSERT INTO ACD_QUEUE_SKILL (QUEUE_ID, SKILL_ID, MIN_LEVEL) VALUES (?, ?, ?)")) {
      for (QueueDef d : QUEUES) {
        q.setLong(1, d.id());
        q.setString(2, d.code());
        q.setString(3, d.name());
        q.setString(4, d.nameEn());
        q.setString(5, d.strategy());
        q.setString(6, d.tiers());
        q.setInt(7, d.wrapUp());
        q.setInt(8, d.offerTimeout());
        q.setInt(9, d.maxMisses());
        q.addBatch();
        qs.setLong(1, d.id());
        qs.setLong(2, skillIds.get(d.skill()));
        qs.setInt(3, d.minLevel());
        qs.addBatch();
      }
      q.executeBatch();
      qs.executeBatch();
    }
    // Overflow: a card contact's level widens after 30 s and it moves to RETAIL after 120 s; corporate widens after 45 s.
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ACD_OVERFLOW_STEP (QUEUE_ID, STEP_NO, AFTER_SECONDS, KIND, LEVEL_DELTA, TARGET_QUEUE_ID) VALUES (?, ?, ?, ?, ?, ?)")) {
      overflow(ps, 2, 1, 30, "WIDEN", 2, null);
      overflow(ps, 2, 2, 120, "MOVE", null, 1L);
      overflow(ps, 3, 1, 45, "WIDEN", 1, null);
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ACD_REASON_CODE (CODE, NAME, NAME_EN, SYSTEM_CODE) VALUES (?, ?, ?, 0)")) {
      for (String[] r : REASONS) {
        ps.setString(1, r[0]);
        ps.setString(2, r[1]);
        ps.setString(3, r[2]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement find = c.prepareStatement(
            "SELECT S.ID, B.PATH FROM STAFF S, BRANCH B WHERE S.LOGIN = ? AND B.ID = S.BRANCH_ID");
        PreparedStatement skill = c.prepareStatement("INSERT INTO ACD_AGENT_SKILL (STAFF_ID, SKILL_ID, SKILL_LEVEL) VALUES (?, ?, ?)");
        PreparedStatement seat = c.prepareStatement(
            "INSERT INTO ACD_AGENT_STATE (STAFF_ID, LOGIN, BRANCH_PATH, STATE, EXTENSION, STATE_SINCE, VERSION) VALUES (?, ?, ?, 'LOGGED_OUT', ?, ?, 0)")) {
      for (int n = 1; n <= 30; n++) {
        find.setString(1, "agent" + n);
        try (ResultSet rs = find.executeQuery()) {
          if (!rs.next()) {
            continue;
          }
          long staffId = rs.getLong(1);
          seat.setLong(1, staffId);
          seat.setString(2, "agent" + n);
          seat.setString(3, rs.getString(2));
          seat.setString(4, Integer.toString(8000 + n));
          seat.setObject(5, now.atOffset(ZoneOffset.UTC));
          seat.addBatch();
          for (Map.Entry<String, Integer> level : levels(n).entrySet()) {
            skill.setLong(1, staffId);
            skill.setLong(2, skillIds.get(level.getKey()));
            skill.setInt(3, level.getValue());
            skill.addBatch();
          }
        }
      }
      seat.executeBatch();
      skill.executeBatch();
    }
  }

  /** The skill levels of agentN (see the class comment). */
  static Map<String, Integer> levels(int n) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    levels.put("RETAIL", 3 + n % 7);
    if (n <= 15) {
      levels.put("CARD", 4 + n % 5);
    }
    if (n >= 16 && n <= 25) {
      levels.put("CORPORATE", 5 + n % 5);
    }
    if (n % 4 == 0) {
      levels.put("COMPLAINT", 6 + (n / 4) % 4);
    }
    if (n % 5 == 0) {
      levels.put("ENGLISH", n == 30 ? 8 : 7);
    }
    return levels;
  }

  private static void overflow(PreparedStatement ps, long queue, int step, int after, String kind, Integer delta, Long target) throws SQLException {
    ps.setLong(1, queue);
    ps.setInt(2, step);
    ps.setInt(3, after);
    ps.setString(4, kind);
    ps.setObject(5, delta);
    ps.setObject(6, target);
    ps.addBatch();
  }
}
