package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.centralis.reporting.application.FactOutbox.Fact;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two "nodes" (two connections, each with its own transactions, on the real schema in H2's Oracle mode) roll up the
 * same pending facts at the same moment into the same aggregate rows: every fact is counted exactly once, none is lost,
 * and rows created by both at once end up as one row with the sum.
 */
class FactClaimsTest {

  @TempDir static Path dir;
  private static String url;
  private static ExecutorService nodes;
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

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

  /** Adds each fact to the SLA_DAILY_STAT row of category refId % 7 (a table without foreign keys, to keep set-up short). */
  private static void roll(Connection c, List<PendingFact> facts) throws SQLException {
    AggregateDeltas deltas = new AggregateDeltas();
    for (PendingFact f : facts) {
      deltas.row("SLA_DAILY_STAT", "BRANCH_ID", 1L, "STAT_DAY", DAY, "CATEGORY_ID", f.refId() % 7, "METRIC", "RESOLUTION")
          .withValue("BRANCH_PATH", "/1/")
          .add("MET", 1)
          .add("BREACHED", f.refId() % 2);
    }
    deltas.apply(c);
  }

  @Test
  void twoNodesRollingTheSameFactsCountEachOnce() throws Exception {
    int facts = 1_234;
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
        "INSERT INTO REPORT_FACT_PENDING (ID, FACT, REF_ID, CREATED_AT) VALUES (REPORT_FACT_SEQ.NEXTVAL, 'TICKET', ?, ?)")) {
      for (int i = 0; i < facts; i++) {
        s.setLong(1, i);
        s.setObject(2, OffsetDateTime.of(2026, 11, 20, 1, 0, 0, 0, ZoneOffset.UTC));
        s.addBatch();
      }
      s.executeBatch();
      c.commit();
    }
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<Integer> node = () -> {
      int counted = 0;
      try (Connection c = connect()) {
        start.await();
        List<PendingFact> seen;
        do {
          seen = FactClaims.pending(c, Fact.TICKET);
          List<PendingFact> claimed = FactClaims.claim(c, seen);
          roll(c, claimed);
          c.commit();
          counted += claimed.size();
        } while (!seen.isEmpty());
      }
      return counted;
    };
    Future<Integer> a = nodes.submit(node);
    Future<Integer> b = nodes.submit(node);
    assertEquals(facts, a.get() + b.get(), "claimed by the two nodes together");
    assertEquals(facts, count("SELECT SUM(MET) FROM SLA_DAILY_STAT"));
    assertEquals(facts / 2, count("SELECT SUM(BREACHED) FROM SLA_DAILY_STAT"));
    assertEquals(7, count("SELECT COUNT(*) FROM SLA_DAILY_STAT"), "one row per category");
    assertEquals(0, count("SELECT COUNT(*) FROM REPORT_FACT_PENDING"));
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, "sa", "");
    c.setAutoCommit(false);
    return c;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
