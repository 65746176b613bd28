package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two "nodes" — two connections with their own transactions, on the real schema in H2's Oracle mode — sweep the same
 * due schedules, deliveries and stranded runs at the same moment: each item is acted on exactly once.
 */
class ScheduleClaimsTest {

  @TempDir static Path dir;
  private static String url;
  private static ExecutorService nodes;
  private static final Instant DUE = Instant.parse("2026-11-30T23:00:00Z");
  private static final Instant NEXT = Instant.parse("2026-12-07T23:00:00Z");

  @BeforeAll
  static void migrate() {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    nodes = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    nodes.shutdownNow();
  }

  @Test
  void twoNodesFiringTheSameDueSchedulesFireEachPeriodOnce() throws Exception {
    List<Long> schedules = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      schedules.add(insertSchedule(DUE));
    }
    List<Integer> won = race(c -> {
      int fired = 0;
      for (ScheduleClaims.Due due : ScheduleClaims.due(c, DUE.plusSeconds(5), 100)) {
        if (ScheduleClaims.claimFiring(c, due.scheduleId(), due.dueAt(), NEXT)) {
          ScheduleClaims.recordFiring(c, due.scheduleId(), "2026-11-23/2026-11-29", due.dueAt(), DUE, insertRun(c, "QUEUED"));
          fired++;
        }
        c.commit();
      }
      return fired;
    });
    assertEquals(schedules.size(), won.get(0) + won.get(1), "every schedule fired once in all: " + won);
    for (long id : schedules) {
      assertEquals(1, count("SELECT COUNT(*) FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = " + id));
      assertEquals(NEXT, instant("SELECT NEXT_FIRE_AT FROM REPORT_SCHEDULE WHERE ID = " + id));
    }
  }

  @Test
  void aSecondRunOfTheSamePeriodIsRefusedByTheKey() throws Exception {
    long schedule = insertSchedule(DUE);
    try (Connection c = connect()) {
      ScheduleClaims.recordFiring(c, schedule, "2026-10-01/2026-10-31", DUE, DUE, insertRun(c, "QUEUED"));
      assertTrue(ScheduleClaims.fired(c, schedule, "2026-10-01/2026-10-31"));
      long second = insertRun(c, "QUEUED");
      assertThrows(SQLException.class, () -> ScheduleClaims.recordFiring(c, schedule, "2026-10-01/2026-10-31", NEXT, NEXT, second));
      c.rollback();
    }
  }

  @Test
  void aFinishedRunIsDeliveredByOneNode() throws Exception {
    long schedule = insertSchedule(NEXT);
    long run;
    try (Connection c = connect()) {
      run = insertRun(c, "DONE");
      ScheduleClaims.recordFiring(c, schedule, "2026-11-01/2026-11-30", DUE, DUE, run);
      c.commit();
    }
    List<Integer> won = race(c -> {
      int delivered = 0;
      for (long id : ScheduleClaims.undelivered(c, 100)) {
        if (id == run && ScheduleClaims.claimDelivery(c, id, DUE)) {
          delivered++;
        }
      }
      c.commit();
      return delivered;
    });
    assertEquals(1, won.get(0) + won.get(1), "delivered once: " + won);
    try (Connection c = connect()) {
      assertFalse(ScheduleClaims.undelivered(c, 100).contains(run));
    }
  }

  @Test
  void aRunStrandedByACrashedNodeIsQueuedAgainOnce() throws Exception {
    long run;
    try (Connection c = connect()) {
      run = insertRun(c, "RUNNING");
      c.createStatement().executeUpdate("UPDATE REPORT_RUN SET HEARTBEAT_AT = TIMESTAMP '2026-11-30 10:00:00+00:00' WHERE ID = " + run);
      c.commit();
    }
    Instant beatBefore = Instant.parse("2026-11-30T10:10:00Z");
    List<Integer> won = race(c -> {
      int requeued = 0;
      for (long id : ScheduleClaims.stranded(c, beatBefore, Instant.EPOCH, 100)) {
        if (id == run && ScheduleClaims.requeue(c, id, beatBefore)) {
          requeued++;
        }
      }
      c.commit();
      return requeued;
    });
    assertEquals(1, won.get(0) + won.get(1), "re-queued once: " + won);
    try (Connection c = connect()) {
      assertTrue(ScheduleClaims.stranded(c, beatBefore, Instant.EPOCH, 100).isEmpty(), "a re-queued run is not stranded");
      assertEquals("QUEUED", text("SELECT STATUS FROM REPORT_RUN WHERE ID = " + run));
    }
  }

  // --- fixtures ---

  private interface Node {
    int sweep(Connection c) throws Exception;
  }

  private static List<Integer> race(Node node) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<Integer> task = () -> {
      try (Connection c = connect()) {
        start.await();
        return node.sweep(c);
      }
    };
    Future<Integer> a = nodes.submit(task);
    Future<Integer> b = nodes.submit(task);
    return List.of(a.get(), b.get());
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, "sa", "");
    c.setAutoCommit(false);
    return c;
  }

  private static long insertSchedule(Instant nextFireAt) throws SQLException {
    try (Connection c = connect()) {
      long id = next(c, "REPORT_SCHEDULE_SEQ");
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO REPORT_SCHEDULE (ID, NAME, REPORT_CODE, CRON, ZONE_ID, PERIOD, SCOPE_PATH, FORMAT, LOCALE, OWNER_LOGIN, OWNER_BRANCH_ID, NEXT_FIRE_AT, CREATED_AT)"
              + " VALUES (?, 'weekly', 'branch-comparison', '0 7 * * 1', 'Asia/Shanghai', 'PREVIOUS_WEEK', '/1/', 'PDF', 'zh_CN', 'hq1', 1, ?, ?)")) {
        s.setLong(1, id);
        s.setObject(2, nextFireAt.atOffset(ZoneOffset.UTC));
        s.setObject(3, DUE.atOffset(ZoneOffset.UTC));
        s.executeUpdate();
      }
      c.commit();
      return id;
    }
  }

  private static long insertRun(Connection c, String status) throws SQLException {
    long id = next(c, "REPORT_RUN_SEQ");
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO REPORT_RUN (ID, REPORT_CODE, PARAMETERS, REQUESTED_BY, SCOPE_PATH, STATUS, FORMAT, CREATED_AT) VALUES (?, 'branch-comparison', '{}', 'hq1', '/1/', ?, 'PDF', ?)")) {
      s.setLong(1, id);
      s.setString(2, status);
      s.setObject(3, DUE.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
    return id;
  }

  private static long next(Connection c, String sequence) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT " + sequence + ".NEXTVAL FROM DUAL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(String sql) throws SQLException {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Instant instant(String sql) throws SQLException {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
    }
  }
}
