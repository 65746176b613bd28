package org.centralis.ticket.rest;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  // ---- moved from ReferenceDataAdminIT: The administrators' API for the ticket reference data: a category and a dispatch rule created through it route a real ticket, the try-out agrees, and the tree and rule checks answer problem+json. Everything here lives under suggestion categories created by this class (codes IT-ADM-…), so no other test's ticket is dispatched differently.

  private static final long SUGGESTIONS = 40; // the SUGGESTION root (V5)



  static String unique(String prefix) {
    return prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  static String category(long parentId, String code, String name) {
    return "{\"type\":\"SUGGESTION\",\"parentId\":" + parentId + ",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"nameEn\":\"" + name + " (en)\"}";
  }

  @Test
  void aCategoryAndRuleCreatedThroughTheApiDispatchATicketAndTheTryOutAgrees() throws Exception {
    Api api = new Api(base);
    String code = unique("IT-ADM-");
    Api.Reply created = api.post("admin1", "/api/admin/ticket-categories", category(SUGGESTIONS, code, "网点环境建议"));
    assertEquals(201, created.status(), created.body());
    assertTrue(created.contentType().startsWith("application/json"), created.contentType());
    long categoryId = created.json().getJsonNumber("id").longValue();
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_CATEGORY_CREATED' AND TARGET_ID = ?", code));

    long team = Long.parseLong(Db.scalar("SELECT ID FROM TEAM WHERE CODE = 'HQ-PRIVATE'"));
    String rule = "{\"name\":\"" + code + " 规则\",\"ticketType\":\"SUGGESTION\",\"categoryId\":" + categoryId + ",\"teamId\":" + team + "}";
    Api.Reply ruleCreated = api.post("admin1", "/api/admin/dispatch-rules", rule);
    assertEquals(201, ruleCreated.status(), ruleCreated.body());
    long ruleId = ruleCreated.json().getJsonNumber("id").longValue();
    assertTrue(ruleCreated.json().getBoolean("active"));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'DISPATCH_RULE_CREATED' AND TARGET_ID = ?", Long.toString(ruleId)));

    // Listed before the catch-all, as the matcher ranks it.
    List<JsonObject> rules = api.get("admin1", "/api/admin/dispatch-rules").parse().asJsonArray().getValuesAs(JsonObject.class);
    List<String> names = rules.stream().map(r -> r.getString("name")).toList();
    assertTrue(names.indexOf(code + " 规则") < names.indexOf("全行兜底规则"), names.toString());

    long customer = Fixtures.customerOf("staff1");
    String ticket = "{\"type\":\"SUGGESTION\",\"categoryId\":" + categoryId + ",\"priority\":\"NORMAL\",\"channel\":\"BRANCH_COUNTER\","
        + "\"subject\":\"网点等候区建议增加座椅\",\"description\":\"客户建议网点等候区增加座椅\",\"customerId\":" + customer + "}";
    Api.Reply logged = api.post("staff1", "/api/tickets", ticket);
    assertEquals(201, logged.status(), logged.body());
    JsonObject dispatched = TicketDispatchIT.awaitStatus(api, logged.json().getString("number"), "DISPATCHED");
    assertEquals("HQ-PRIVATE", dispatched.getJsonObject("assignedTeam").getString("code"), dispatched.toString());

    String branch = Db.scalar("SELECT BRANCH_ID FROM STAFF WHERE LOGIN = 'staff1'");
    String tier = Db.scalar("SELECT TIER FROM CUSTOMER WHERE ID = ?", customer);
    String facts = "{\"type\":\"SUGGESTION\",\"categoryId\":" + categoryId + ",\"branchId\":" + branch + ",\"customerTier\":\"" + tier + "\",\"language\":\"zh\"}";
    Api.Reply tried = api.post("admin1", "/api/admin/dispatch-rules/try", facts);
    assertEquals(200, tried.status(), tried.body());
    assertEquals(ruleId, tried.json().getJsonNumber("ruleId").longValue());
    assertEquals("HQ-PRIVATE", tried.json().getJsonObject("team").getString("code"));

    // Deactivated, the rule no longer receives such tickets: the try-out falls back to another rule.
    JsonObject current = api.get("admin1", "/api/admin/dispatch-rules/" + ruleId).json();
    String off = rule.substring(0, rule.length() - 1) + ",\"active\":false,\"version\":" + current.getInt("version") + "}";
    Api.Reply changed = api.put("admin1", "/api/admin/dispatch-rules/" + ruleId, off);
    assertEquals(200, changed.status(), changed.body());
    assertFalse(changed.json().getBoolean("active"));
    assertProblem(api.put("admin1", "/api/admin/dispatch-rules/" + ruleId, off), 409, "concurrent-change");
    JsonObject fallback = api.post("admin1", "/api/admin/dispatch-rules/try", facts).json();
    assertNotEquals(ruleId, fallback);
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'DISPATCH_RULE_CHANGED' AND TARGET_ID = ?", Long.toString(ruleId)));
  }

  private static void assertNotEquals(long ruleId, JsonObject tryOut) {
    assertTrue(!tryOut.containsKey("ruleId") || tryOut.isNull("ruleId") || tryOut.getJsonNumber("ruleId").longValue() != ruleId, tryOut.toString());
  }

  @Test
  void theTreeRefusesCyclesOtherTypesAndDeactivatingAParentWithActiveChildren() throws Exception {
    Api api = new Api(base);
    long parent = api.post("admin1", "/api/admin/ticket-categories", category(SUGGESTIONS, unique("IT-ADM-P"), "父分类")).json().getJsonNumber("id").longValue();
    Api.Reply childReply = api.post("admin1", "/api/admin/ticket-categories", category(parent, unique("IT-ADM-C"), "子分类"));
    assertEquals(201, childReply.status(), childReply.body());
    JsonObject child = childReply.json();
    JsonObject parentDoc = api.get("admin1", "/api/admin/ticket-categories/" + parent).json();

    // Moving the parent under its own child is a cycle.
    assertField(api.put("admin1", "/api/admin/ticket-categories/" + parent, move(parentDoc, child.getJsonNumber("id").longValue(), true)), 400, "category-cycle", "parentId");
    // A complaint category is not a suggestion's parent.
    assertField(api.put("admin1", "/api/admin/ticket-categories/" + child.getJsonNumber("id"), move(child, 30, true)), 400, "category-of-other-type", "parentId");
    // Deactivating is refused while a child is active, then allowed once the child is off.
    assertProblem(api.put("admin1", "/api/admin/ticket-categories/" + parent, move(parentDoc, SUGGESTIONS, false)), 409, "category-has-active-children");
    Api.Reply childOff = api.put("admin1", "/api/admin/ticket-categories/" + child.getJsonNumber("id"), move(child, parent, false));
    assertEquals(200, childOff.status(), childOff.body());
    Api.Reply parentOff = api.put("admin1", "/api/admin/ticket-categories/" + parent, move(parentDoc, SUGGESTIONS, false));
    assertEquals(200, parentOff.status(), parentOff.body());
    assertProblem(api.put("admin1", "/api/admin/ticket-categories/" + parent, move(parentDoc, SUGGESTIONS, true)), 409, "concurrent-change");

    // The tree still shows both, inactive; the log form's catalog no longer offers them.
    JsonArray trees = api.get("admin1", "/api/admin/ticket-categories").parse().asJsonArray();
    JsonObject suggestions = trees.getValuesAs(JsonObject.class).stream().filter(t -> t.getString("type").equals("SUGGESTION")).findFirst().orElseThrow();
    JsonObject node = find(suggestions.getJsonArray("roots"), parent);
    assertNotNull(node, suggestions.toString());
    assertFalse(node.getBoolean("active"));
    assertEquals(1, node.getJsonArray("children").size());
    Api.Reply logged = api.post("staff1", "/api/tickets", "{\"type\":\"SUGGESTION\",\"categoryId\":" + child.getJsonNumber("id") + ",\"priority\":\"NORMAL\","
        + "\"channel\":\"BRANCH_COUNTER\",\"subject\":\"x\",\"description\":\"x\",\"customerId\":" + Fixtures.customerOf("staff1") + "}");
    assertProblem(logged, 400, "unknown-category");
  }

  @Test
  void onlyAdministratorsChangeReferenceDataAndBadInputNamesTheField() throws Exception {
    Api api = new Api(base);
    for (String user : new String[] {"staff1", "super1", "audit1"}) {
      assertProblem(api.get(user, "/api/admin/ticket-categories"), 403, "forbidden");
      assertProblem(api.post(user, "/api/admin/ticket-categories", category(SUGGESTIONS, unique("IT-ADM-X"), "x")), 403, "forbidden");
      assertProblem(api.get(user, "/api/admin/dispatch-rules"), 403, "forbidden");
      assertProblem(api.post(user, "/api/admin/dispatch-rules/try", "{\"type\":\"SUGGESTION\",\"categoryId\":40,\"branchId\":1}"), 403, "forbidden");
    }
    assertField(api.post("admin1", "/api/admin/ticket-categories", category(SUGGESTIONS, "bad code", "x")), 400, "invalid-category-code", "code");
    assertField(api.post("admin1", "/api/admin/ticket-categories", category(SUGGESTIONS, "SUG-SERVICE", "x")), 400, "category-code-taken", "code");
    assertField(api.post("admin1", "/api/admin/ticket-categories", category(999_999, unique("IT-ADM-Y"), "x")), 400, "unknown-category", "parentId");
    assertField(api.post("admin1", "/api/admin/ticket-categories", category(30, unique("IT-ADM-Z"), "x")), 400, "category-of-other-type", "parentId");
    String team = Db.scalar("SELECT ID FROM TEAM WHERE CODE = 'HQ-PRIVATE'");
    assertField(api.post("admin1", "/api/admin/dispatch-rules", "{\"name\":\"IT-ADM bad\",\"branchId\":999999,\"teamId\":" + team + "}"), 400, "unknown-branch", "branchId");
    assertField(api.post("admin1", "/api/admin/dispatch-rules", "{\"name\":\"IT-ADM bad\",\"customerTier\":\"DIAMOND\",\"teamId\":" + team + "}"), 400, "invalid-value", "customerTier");
    assertField(api.post("admin1", "/api/admin/dispatch-rules", "{\"name\":\"IT-ADM bad\",\"ticketType\":\"COMPLAINT\",\"categoryId\":41,\"teamId\":" + team + "}"), 400,
        "category-of-other-type", "categoryId");
    assertField(api.post("admin1", "/api/admin/dispatch-rules", "{\"name\":\"IT-ADM bad\",\"teamId\":999999}"), 400, "unknown-team", "teamId");
    assertField(api.post("admin1", "/api/admin/dispatch-rules/try", "{\"type\":\"SUGGESTION\",\"categoryId\":41}"), 400, "unknown-branch", "branchId");
    assertEquals("0", Db.scalar("SELECT COUNT(*) FROM DISPATCH_RULE WHERE NAME = 'IT-ADM bad'"));
  }

  static String move(JsonObject doc, long parentId, boolean active) {
    return "{\"parentId\":" + parentId + ",\"name\":\"" + doc.getString("name") + "\",\"nameEn\":\"" + doc.getString("nameEn") + "\",\"active\":" + active
        + ",\"version\":" + doc.getInt("version") + "}";
  }

  static void assertField(Api.Reply reply, int status, String type, String field) {
    assertProblem(reply, status, type);
    JsonArray errors = reply.json().getJsonArray("errors");
    assertNotNull(errors, reply.body());
    assertEquals(field, errors.getJsonObject(0).getString("field"), reply.body());
  }

  static JsonObject find(JsonArray nodes, long id) {
    for (JsonValue v : nodes) {
      JsonObject n = v.asJsonObject();
      if (n.getJsonNumber("id").longValue() == id) {
        return n;
      }
      JsonObject inChild = find(n.getJsonArray("children"), id);
      if (inChild != null) {
        return inChild;
      }
    }
    return null;
  }
}
