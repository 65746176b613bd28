package org.centralis.ticket.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
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
 * The administrators' API for the ticket reference data: a category and a dispatch rule created
 * through it route a real ticket, the try-out agrees, and the tree and rule checks answer
 * problem+json. Everything here lives under suggestion categories created by this class (codes
 * IT-ADM-…), so no other test's ticket is dispatched differently.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReferenceDataAdminIT {

  private static final long SUGGESTIONS = 40; // the SUGGESTION root (V5)

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

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
