package org.centralis.reporting.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statements that keep schedules cluster-safe, on the caller's connection and transaction. Every node's sweeper
 * runs them; each claim is a conditional UPDATE whose row count says who won, so nothing is done twice:
 *
 * <ul>
 *   <li>a schedule fires a due instant only for the node whose UPDATE moved {@code NEXT_FIRE_AT} from that instant
 *       (the loser waits for the winner's row lock, then finds the condition false and updates nothing), and the
 *       primary key of REPORT_SCHEDULE_FIRING (schedule, period) refuses a second run of a period in any case;
 *   <li>a finished run is delivered by the node whose UPDATE set {@code DELIVERED_AT};
 *   <li>a run left RUNNING by a crashed node (old heartbeat) is queued again by one node.
 * </ul>
 *
 * No {@code SELECT … FOR UPDATE} with a row limit: on H2 it locks every row the query matches (STACK.md).
 */
public final class ScheduleClaims {

  /** A schedule that is due, with the instant it is due at (the claim's condition). */
  public record Due(long scheduleId, Instant dueAt) {}

  private ScheduleClaims() {}

  /**
   * Due schedules, oldest first, then shuffled: nodes sweeping at the same moment mostly claim different schedules
   * instead of queueing behind each other's row lock for every one.
   */
  public static List<Due> due(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT ID, NEXT_FIRE_AT FROM REPORT_SCHEDULE WHERE ACTIVE = 1 AND NEXT_FIRE_AT <= ? ORDER BY NEXT_FIRE_AT, ID FETCH FIRST ? ROWS ONLY")) {
      s.setObject(1, utc(now));
      s.setInt(2, limit);
      List<Due> due = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          due.add(new Due(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
        }
      }
      Collections.shuffle(due);
      return due;
    }
  }

  /** Moves the schedule from {@code due} to {@code next}; true for exactly one caller per due instant. */
  public static boolean claimFiring(Connection c, long scheduleId, Instant due, Instant next) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE REPORT_SCHEDULE SET NEXT_FIRE_AT = ?, LAST_FIRED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND ACTIVE = 1 AND NEXT_FIRE_AT = ?")) {
      s.setObject(1, utc(next));
      s.setObject(2, utc(due));
      s.setLong(3, scheduleId);
      s.setObject(4, utc(due));
      return s.executeUpdate() == 1;
    }
  }

  /** Records the period's run; fails on a duplicate (schedule, period), which rolls the firing back. */
  public static void recordFiring(Connection c, long scheduleId, String periodKey, Instant due, Instant firedAt, long runId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO REPORT_SCHEDULE_FIRING (SCHEDULE_ID, PERIOD_KEY, DUE_AT, FIRED_AT, RUN_ID) VALUES (?, ?, ?, ?, ?)")) {
      s.setLong(1, scheduleId);
      s.setString(2, periodKey);
      s.setObject(3, utc(due));
      s.setObject(4, utc(firedAt));
      s.setLong(5, runId);
      s.executeUpdate();
    }
  }

  /** Whether the schedule already has a run for the period (a firing moved onto an earlier one's working day). */
  public static boolean fired(Connection c, long scheduleId, String periodKey) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ? AND PERIOD_KEY = ?")) {
      s.setLong(1, scheduleId);
      s.setString(2, periodKey);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  /** Scheduled runs that finished (done or failed) and are not delivered yet. */
  public static List<Long> undelivered(Connection c, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT f.RUN_ID FROM REPORT_SCHEDULE_FIRING f JOIN REPORT_RUN r ON r.ID = f.RUN_ID"
                + " WHERE f.DELIVERED_AT IS NULL AND r.STATUS IN ('DONE', 'FAILED') ORDER BY f.FIRED_AT FETCH FIRST ? ROWS ONLY")) {
      s.setInt(1, limit);
      return ids(s);
    }
  }

  /** Marks the run's firing delivered; true for exactly one caller. */
  public static boolean claimDelivery(Connection c, long runId, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE REPORT_SCHEDULE_FIRING SET DELIVERED_AT = ? WHERE RUN_ID = ? AND DELIVERED_AT IS NULL")) {
      s.setObject(1, utc(now));
      s.setLong(2, runId);
      return s.executeUpdate() == 1;
    }
  }

  /** Runs RUNNING with a heartbeat older than {@code beatBefore}, and runs QUEUED since before {@code queuedBefore}. */
  public static List<Long> stranded(Connection c, Instant beatBefore, Instant queuedBefore, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT ID FROM REPORT_RUN WHERE (STATUS = 'RUNNING' AND HEARTBEAT_AT < ?) OR (STATUS = 'QUEUED' AND CREATED_AT < ?)"
                + " ORDER BY CREATED_AT FETCH FIRST ? ROWS ONLY")) {
      s.setObject(1, utc(beatBefore));
      s.setObject(2, utc(queuedBefore));
      s.setInt(3, limit);
      return ids(s);
    }
  }

  /** Puts a run left RUNNING with an old heartbeat back to QUEUED; true for exactly one caller. */
  public static boolean requeue(Connection c, long runId, Instant beatBefore) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE REPORT_RUN SET STATUS = 'QUEUED', PROGRESS = 0, HEARTBEAT_AT = NULL, VERSION = VERSION + 1"
                + " WHERE ID = ? AND STATUS = 'RUNNING' AND HEARTBEAT_AT < ?")) {
      s.setLong(1, runId);
      s.setObject(2, utc(beatBefore));
      return s.executeUpdate() == 1;
    }
  }

  private static List<Long> ids(PreparedStatement s) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
