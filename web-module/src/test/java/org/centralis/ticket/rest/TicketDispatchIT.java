package org.centralis.ticket.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.centralis.it.Fixtures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first path through the whole stack on Payara Micro: REST → session bean → database and JMS
 * in one transaction → message-driven bean → dispatch rules → timeline and audit chain.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketDispatchIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @Test
  void loggedRequestIsDispatchedByTheRulesAndAudited() throws Exception {
    Api api = new Api(base);
    long customer = Fixtures.customerOf("staff1");
    Api.Reply created = api.post("staff1", "/api/tickets", Fixtures.complaint(customer, "年费重复扣收"));
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    assertTrue(number.matches("T\\d{8}-\\d{6,}"), number);

    JsonObject ticket = awaitStatus(api, number, "DISPATCHED");
    List<String> kinds = ticket.getJsonArray("timeline").getValuesAs(JsonObject.class).stream().map(e -> e.getString("kind")).toList();
    assertEquals(List.of("CREATED", "DISPATCHED"), kinds);
    // The demo rules send every complaint to the HQ complaints team (投诉处理组).
    assertEquals("投诉处理组", ticket.getJsonObject("assignedTeam").getString("name"));

    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_CREATED' AND TARGET_ID = ?", number));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_DISPATCHED' AND TARGET_ID = ?", number));
    JsonObject verification = api.post("audit1", "/api/audit/verification", null).json();
    assertTrue(verification.getBoolean("intact"), verification.toString());
  }

  @Test
  void verificationNamesTheAuditRowChangedInTheDatabase() throws Exception {
    Api api = new Api(base);
    String number = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "审计篡改检测")).json().getString("number");
    String seqNo = Db.scalar("SELECT SEQ_NO FROM AUDIT_EVENT WHERE ACTION = 'TICKET_CREATED' AND TARGET_ID = ?", number);
    String original = Db.scalar("SELECT AFTER_SUMMARY FROM AUDIT_EVENT WHERE SEQ_NO = ?", Long.parseLong(seqNo));
    Db.update("UPDATE AUDIT_EVENT SET AFTER_SUMMARY = 'nothing happened' WHERE SEQ_NO = ?", Long.parseLong(seqNo));
    try {
      JsonObject broken = api.post("audit1", "/api/audit/verification", null).json();
      assertFalse(broken.getBoolean("intact"));
      assertEquals(Long.parseLong(seqNo), broken.getJsonNumber("brokenSeqNo").longValue(), broken.toString());
      assertEquals("altered", broken.getString("reason"));
    } finally {
      Db.update("UPDATE AUDIT_EVENT SET AFTER_SUMMARY = ? WHERE SEQ_NO = ?", original, Long.parseLong(seqNo));
    }
    JsonObject repaired = api.post("audit1", "/api/audit/verification", null).json();
    assertTrue(repaired.getBoolean("intact"), repaired.toString());
  }

  @Test
  void poisonMessageEndsInTheDeadLetterQueueVisibleToAdministrators() throws Exception {
    String poison = "{\"ticketId\": \"not-a-number-" + System.nanoTime() + "\"}";
    var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + System.getProperty("centralis.broker.port"));
    try (Connection c = factory.createConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      MessageProducer p = s.createProducer(s.createQueue("centralis.ticket.created"));
      p.send(s.createTextMessage(poison));
    }
    Api api = new Api(base);
    long deadline = System.currentTimeMillis() + 30_000;
    boolean found = false;
    while (!found && System.currentTimeMillis() < deadline) {
      Api.Reply dead = api.get("admin1", "/api/admin/dead-letters");
      assertEquals(200, dead.status(), dead.body());
      found = dead.body().contains(poison.substring(15, 40));
      if (!found) {
        Thread.sleep(500);
      }
    }
    assertTrue(found, "the poison message reached the dead-letter queue");
    assertEquals(403, api.get("staff1", "/api/admin/dead-letters").status(), "only administrators see dead letters");
  }

  static JsonObject awaitStatus(Api api, String number, String status) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    JsonObject ticket = null;
    while (System.currentTimeMillis() < deadline) {
      Api.Reply r = api.get("staff1", "/api/tickets/" + number);
      assertEquals(200, r.status(), r.body());
      ticket = r.json();
      if (status.equals(ticket.getString("status"))) {
        return ticket;
      }
      Thread.sleep(100);
    }
    assertNotNull(ticket);
    assertFalse(true, "ticket " + number + " still " + ticket.getString("status"));
    return ticket;
  }
}
