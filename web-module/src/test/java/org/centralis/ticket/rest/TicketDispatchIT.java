package org.centralis.ticket.rest;

import static org.centralis.it.Problems.assertProblem;
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

  /**
   * Dispatch across the hierarchy with two sub-tasks: an outlet's request goes to an HQ department,
   * which sends one part to another HQ department and pushes one down to a city branch in another
   * region; the ticket resolves itself when both are done.
   */
  @Test
  void anHqDepartmentSendsTwoSubTasksAcrossTheHierarchyAndTheTicketResolvesWhenBothAreDone() throws Exception {
    Api api = new Api(base);
    String request = "{\"type\":\"BUSINESS_REQUEST\",\"categoryId\":22,\"priority\":\"NORMAL\",\"channel\":\"BRANCH_COUNTER\","
        + "\"subject\":\"协办：额度调整需核实\",\"description\":\"客户申请临时额度，需核实收入并上门面签\",\"customerId\":" + Fixtures.customerOf("staff1") + "}";
    Api.Reply created = api.post("staff1", "/api/tickets", request);
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    JsonObject ticket = awaitStatus(api, number, "DISPATCHED");
    assertEquals("HQ-CARD-SVC", ticket.getJsonObject("assignedTeam").getString("code"), "the outlet's request went up to an HQ department");
    long hqOps = Long.parseLong(Db.scalar("SELECT ID FROM TEAM WHERE CODE = 'HQ-OPS-SUPPORT'"));
    long beijingOps = Long.parseLong(Db.scalar("SELECT ID FROM TEAM WHERE CODE = 'BJ-OPS'"));
    String tasks = "/api/tickets/" + number + "/tasks";
    assertEquals(404, api.get("ops-bj1", "/api/tickets/" + number).status(), "a Shanghai outlet's ticket is not Beijing's to see");

    assertProblem(api.post("cards3", tasks, "{\"teamId\":" + hqOps + ",\"instruction\":\"x\"}"), 409, "ticket-transition"); // not accepted yet
    assertEquals(200, api.post("cards3", "/api/tickets/" + number + "/actions/accept", "{}").status());
    assertEquals(200, api.post("cards3", "/api/tickets/" + number + "/actions/start", "{}").status());
    assertProblem(api.post("staff1", tasks, "{\"teamId\":" + hqOps + ",\"instruction\":\"x\"}"), 403, "task-action-forbidden");
    assertProblem(api.post("cards3", tasks, "{\"teamId\":999999,\"instruction\":\"x\"}"), 400, "unknown-team");
    assertProblem(api.post("cards3", tasks, "{\"teamId\":" + hqOps + "}"), 400, "instruction-required");

    Api.Reply first = api.post("cards3", tasks, "{\"teamId\":" + hqOps + ",\"instruction\":\"核实客户近六个月收入流水\"}");
    assertEquals(201, first.status(), first.body());
    assertTrue(first.json().getJsonArray("actions").getValuesAs(jakarta.json.JsonString.class).stream().anyMatch(a -> a.getString().equals("cancel")));
    assertProblem(api.post("cards3", tasks, "{\"teamId\":" + hqOps + ",\"instruction\":\"again\"}"), 409, "task-exists");
    Api.Reply second = api.post("cards3", tasks, "{\"teamId\":" + beijingOps + ",\"instruction\":\"安排客户经理上门面签\"}");
    assertEquals(201, second.status(), second.body());
    assertEquals(2, second.json().getInt("seqNo"));

    // The receiving teams see their part, and the ticket it belongs to.
    assertEquals(200, api.get("ops-bj1", "/api/tickets/" + number).status(), "a team holding a sub-task reads the ticket");
    Api.Reply inbox = api.get("ops1", "/api/teams/" + hqOps + "/tasks");
    assertEquals(200, inbox.status(), inbox.body());
    assertTrue(inbox.body().contains(number), inbox.body());
    assertEquals(403, api.get("ops1", "/api/teams/" + beijingOps + "/tasks").status());
    assertProblem(api.post("ops1", tasks + "/2/accept", "{}"), 403, "task-action-forbidden");
    assertProblem(api.post("cards3", "/api/tickets/" + number + "/actions/resolve", "{\"note\":\"自己办完\"}"), 409, "open-sub-tasks");

    // Beijing first refuses; the coordinator calls that part off and sends it again with better instructions.
    assertEquals(200, api.post("ops-bj1", tasks + "/2/reject", "{\"text\":\"客户在上海，请改派\"}").status());
    assertProblem(api.post("cards3", "/api/tickets/" + number + "/actions/resolve", "{\"note\":\"x\"}"), 409, "open-sub-tasks");
    assertEquals(200, api.post("cards3", tasks + "/2/cancel", "{\"text\":\"改为北京分行电话核实\"}").status());
    Api.Reply third = api.post("cards3", tasks, "{\"teamId\":" + beijingOps + ",\"instruction\":\"电话核实客户在京工作单位\"}");
    assertEquals(201, third.status(), third.body());

    assertEquals(200, api.post("ops1", tasks + "/1/accept", "{}").status());
    assertProblem(api.post("ops1", tasks + "/1/complete", "{}"), 400, "result-required");
    JsonObject done = api.post("ops1", tasks + "/1/complete", "{\"text\":\"收入流水核实无误\"}").json();
    assertEquals("DONE", done.getString("status"));
    assertEquals("IN_PROGRESS", api.get("staff1", "/api/tickets/" + number).json().getString("status"), "one part still out");
    assertEquals(200, api.post("ops-bj1", tasks + "/3/accept", "{}").status());
    assertEquals(200, api.post("ops-bj1", tasks + "/3/complete", "{\"text\":\"已电话核实工作单位\"}").status());

    ticket = api.get("staff1", "/api/tickets/" + number).json();
    assertEquals("RESOLVED", ticket.getString("status"), "resolved when the last sub-task is done");
    List<JsonObject> timeline = ticket.getJsonArray("timeline").getValuesAs(JsonObject.class);
    JsonObject resolved = timeline.get(timeline.size() - 1);
    assertEquals("RESOLVED", resolved.getString("kind"));
    assertEquals("system", resolved.getString("actor"));
    assertTrue(resolved.getString("detail").contains("收入流水核实无误") && resolved.getString("detail").contains("已电话核实工作单位"), resolved.toString());
    assertEquals(List.of("TASK_DISPATCHED", "TASK_DISPATCHED", "TASK_REJECTED", "TASK_CANCELLED", "TASK_DISPATCHED", "TASK_ACCEPTED", "TASK_DONE", "TASK_ACCEPTED", "TASK_DONE"),
        timeline.stream().map(e -> e.getString("kind")).filter(k -> k.startsWith("TASK_")).toList());
    assertEquals("2", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_TASK_DONE' AND TARGET_ID LIKE ?", number + "#%"));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_RESOLVED' AND TARGET_ID = ?", number));
    assertEquals("MET", Db.scalar("SELECT STATE FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'RESOLUTION'", number), "the resolution stopped the clock");
    assertEquals(200, api.post("staff1", "/api/tickets/" + number + "/actions/close", "{\"note\":\"客户确认\"}").status(), "the outlet confirms as usual");
    assertFalse(api.get("ops1", "/api/teams/" + hqOps + "/tasks").body().contains(number), "done tasks leave the team's list");
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
