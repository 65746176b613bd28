package org.centralis.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ACD schema (V12) and demo data on H2 in Oracle mode, and the database's own guards against double offers. */
class AcdDemoDataTest {

  @TempDir static Path dir;
  static String url;

  @BeforeAll
  static void load() throws Exception {
    url = "jdbc:h2:file:" + dir.resolve("acd") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.setAutoCommit(false);
      DemoDataSet.write(c, DemoDataSetTest.HASHER, DemoDataSetTest.NOW, DemoDataSetTest.SEED);
      AcdDemoData.write(c, DemoDataSetTest.NOW);
      c.commit();
    }
  }

  @Test
  void queuesSkillsReasonsAndSeatsAreThere() throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertEquals(5, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_QUEUE"));
      assertEquals(5, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_SKILL"));
      assertEquals(5, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_REASON_CODE")); // 4 + NO_ANSWER
      assertEquals(30, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_AGENT_STATE WHERE STATE = 'LOGGED_OUT'"));
      assertEquals(6, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_AGENT_SKILL WHERE SKILL_ID = 5"));
      assertEquals(3, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_OVERFLOW_STEP"));
    }
  }

  @Test
  void theDatabaseRefusesASecondPendingOfferOfOneContactOrToOneAgent() throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      long a1 = DemoDataSetTest.count(c, "SELECT STAFF_ID FROM ACD_AGENT_STATE WHERE LOGIN = 'agent1'");
      long a2 = DemoDataSetTest.count(c, "SELECT STAFF_ID FROM ACD_AGENT_STATE WHERE LOGIN = 'agent2'");
      s.executeUpdate("INSERT INTO ACD_INTERACTION (ID, EXTERNAL_ID, CHANNEL, QUEUE_ID, STATE, ARRIVED_AT, QUEUE_ENTERED_AT)"
          + " VALUES (1, 'T-1', 'VOICE', 1, 'OFFERED', SYSTIMESTAMP, SYSTIMESTAMP)");
      s.executeUpdate("INSERT INTO ACD_INTERACTION (ID, EXTERNAL_ID, CHANNEL, QUEUE_ID, STATE, ARRIVED_AT, QUEUE_ENTERED_AT)"
          + " VALUES (2, 'T-2', 'VOICE', 1, 'OFFERED', SYSTIMESTAMP, SYSTIMESTAMP)");
      s.executeUpdate(offer(1, 1, a1));
      assertThrows(SQLException.class, () -> s.executeUpdate(offer(2, 1, a2)), "a second pending offer of contact 1");
      assertThrows(SQLException.class, () -> s.executeUpdate(offer(3, 2, a1)), "a second pending offer to agent1");
      s.executeUpdate("UPDATE ACD_OFFER SET OUTCOME = 'TIMED_OUT', PENDING_INTERACTION_ID = NULL, PENDING_AGENT_ID = NULL WHERE ID = 1");
      s.executeUpdate(offer(4, 1, a2)); // decided offers do not count
      s.executeUpdate(offer(5, 2, a1));
      s.executeUpdate("UPDATE ACD_AGENT_STATE SET CURRENT_INTERACTION_ID = 1 WHERE STAFF_ID = " + a1);
      assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE ACD_AGENT_STATE SET CURRENT_INTERACTION_ID = 1 WHERE STAFF_ID = " + a2),
          "two agents holding one contact");
    }
  }

  static String offer(long id, long contact, long agent) {
    return "INSERT INTO ACD_OFFER (ID, INTERACTION_ID, AGENT_ID, QUEUE_ID, OFFERED_AT, TIMEOUT_AT, OUTCOME, PENDING_INTERACTION_ID, PENDING_AGENT_ID)"
        + " VALUES (" + id + ", " + contact + ", " + agent + ", 1, SYSTIMESTAMP, SYSTIMESTAMP, 'PENDING', " + contact + ", " + agent + ")";
  }
}
