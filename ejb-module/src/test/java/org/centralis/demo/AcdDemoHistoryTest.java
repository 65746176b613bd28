package org.centralis.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.centralis.reporting.application.FactOutbox.Fact;
import org.centralis.reporting.infrastructure.ContactRoller;
import org.centralis.reporting.infrastructure.FactClaims;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated contact-center history is consistent: an agent's log periods are closed and never overlap, every
 * answered contact is a BUSY period of its agent from its answer to its end, every row has its pending fact, and the
 * real roll-up of those facts counts every contact once (one test: the roll-up consumes the facts the checks count).
 */
class AcdDemoHistoryTest {

  @TempDir static Path dir;
  static String url;
  static AcdDemoHistory.Summary summary;
  static long loadMillis;

  @BeforeAll
  static void load() throws Exception {
    url = "jdbc:h2:file:" + dir.resolve("acd") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.setAutoCommit(false);
      DemoDataSet.write(c, DemoDataSetTest.HASHER, DemoDataSetTest.NOW, DemoDataSetTest.SEED);
      AcdDemoData.write(c, DemoDataSetTest.NOW);
      long started = System.nanoTime();
      summary = AcdDemoHistory.write(c, DemoDataSetTest.NOW, DemoDataSetTest.SEED);
      loadMillis = (System.nanoTime() - started) / 1_000_000;
      c.commit();
    }
    System.out.println("AcdDemoHistory: " + summary + " in " + loadMillis + " ms");
  }

  @Test
  void aFewThousandContactsWithTheirAgentsStatesAndFacts() throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      long contacts = DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_INTERACTION");
      assertEquals(summary.contacts(), contacts);
      assertTrue(contacts > 1500 && contacts < 8000, "a few thousand: " + contacts);
      assertTrue(DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_INTERACTION WHERE STATE = 'ABANDONED'") > 50);
      assertEquals(0, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_AGENT_STATE_LOG WHERE ENDED_AT IS NULL OR ENDED_AT <= STARTED_AT"));
      assertEquals(0, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_INTERACTION WHERE ENDED_AT > TIMESTAMP WITH TIME ZONE '2025-11-20 06:30:00+00'"),
          "nothing ends after DemoDataSetTest.NOW");
      assertEquals(0, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM (SELECT ENDED_AT, LEAD(STARTED_AT) OVER (PARTITION BY STAFF_ID ORDER BY STARTED_AT) NXT"
          + " FROM ACD_AGENT_STATE_LOG) WHERE NXT < ENDED_AT"), "an agent's periods never overlap");
      assertEquals(0, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_INTERACTION i WHERE i.AGENT_ID IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
          + " ACD_AGENT_STATE_LOG l WHERE l.STAFF_ID = i.AGENT_ID AND l.STATE = 'BUSY' AND l.STARTED_AT = i.ANSWERED_AT AND l.ENDED_AT = i.ENDED_AT)"),
          "each answered contact is a BUSY period of its agent");
      assertTrue(DemoDataSetTest.count(c, "SELECT COUNT(DISTINCT REASON_CODE) FROM ACD_AGENT_STATE_LOG WHERE STATE = 'NOT_READY'") >= 3);
      assertEquals(contacts, DemoDataSetTest.count(c, "SELECT COUNT(*) FROM REPORT_FACT_PENDING WHERE FACT = 'CONTACT'"));
      assertEquals(summary.stateRows(), DemoDataSetTest.count(c, "SELECT COUNT(*) FROM REPORT_FACT_PENDING WHERE FACT = 'AGENT_STATE'"));
      assertEquals(summary.stateRows(), DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_AGENT_STATE_LOG WHERE ID < 0"));

      // the real roll-up of those facts counts every contact once
      c.setAutoCommit(false);
      List<PendingFact> claimed;
      do {
        claimed = FactClaims.claim(c, FactClaims.pending(c, Fact.CONTACT));
        new ContactRoller().roll(c, claimed);
        c.commit();
      } while (!claimed.isEmpty());
      assertEquals(DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_INTERACTION"), DemoDataSetTest.count(c, "SELECT SUM(OFFERED) FROM ACD_INTERVAL_STAT"));
      assertEquals(DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_INTERACTION WHERE ANSWERED_AT IS NOT NULL"),
          DemoDataSetTest.count(c, "SELECT SUM(HANDLED) FROM ACD_AGENT_CONTACT_STAT"));
      assertEquals(DemoDataSetTest.count(c, "SELECT COUNT(*) FROM ACD_INTERACTION WHERE STATE = 'ABANDONED'"),
          DemoDataSetTest.count(c, "SELECT SUM(ABANDONED) FROM ACD_INTERVAL_STAT"));
    }
  }
}
