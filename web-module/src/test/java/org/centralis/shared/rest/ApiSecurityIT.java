package org.centralis.shared.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

/** Bad input and access rules of the API, each answered with RFC 9457 problem+json. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSecurityIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @Test
  void unauthenticatedCallsGet401ProblemNotARedirect() {
    Api api = new Api(base);
    Api.Reply anonymous = api.get(null, "/api/tickets");
    assertProblem(anonymous, 401, "unauthorized");
    Api.Reply wrong = api.send("staff1", "wrong-password", HttpRequest.newBuilder(api.uri("/api/tickets")).GET());
    assertProblem(wrong, 401, "unauthorized");
  }

  @Test
  void invalidFieldsAreNamedAndNothingIsWritten() throws Exception {
    Api api = new Api(base);
    String before = Db.scalar("SELECT COUNT(*) FROM TICKET");
    Api.Reply empty = api.post("staff1", "/api/tickets", "{}");
    assertProblem(empty, 400, "validation");
    Set<String> fields =
        empty.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).collect(Collectors.toSet());
    assertTrue(fields.containsAll(Set.of("type", "categoryId", "priority", "channel", "subject")), fields.toString());

    assertProblem(api.post("staff1", "/api/tickets", "{\"type\": "), 400, "malformed-body");
    assertProblem(api.post("staff1", "/api/tickets", "{\"type\":\"NOT_A_TYPE\"}"), 400, "malformed-body");
    String mismatch = "{\"type\":\"INQUIRY\",\"categoryId\":32,\"priority\":\"LOW\",\"channel\":\"WEB\",\"subject\":\"x\"}";
    assertProblem(api.post("staff1", "/api/tickets", mismatch), 400, "category-type-mismatch");
    assertProblem(api.get("staff1", "/api/tickets?status=SOMETIMES"), 400, "invalid-parameter");
    assertProblem(api.get("staff1", "/api/tickets?size=100000"), 400, "invalid-parameter");
    assertEquals(before, Db.scalar("SELECT COUNT(*) FROM TICKET"), "rejected requests wrote nothing");
  }

  @Test
  void oversizeBodyIs413() {
    String huge = "{\"subject\":\"" + "字".repeat(40_000) + "\"}";
    Api api = new Api(base);
    // A well-behaved client asks before sending a large body; the server refuses before reading it.
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.uri("/api/tickets")).expectContinue(true).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(huge));
    assertProblem(api.send("staff1", Api.PASSWORD, request), 413, "payload-too-large");
  }

  @Test
  void anotherRegionsTicketDoesNotExistForYou() throws Exception {
    Api api = new Api(base);
    String number = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "跨区域访问测试")).json().getString("number");
    assertEquals(200, api.get("staff1", "/api/tickets/" + number).status());
    assertEquals(200, api.get("hq1", "/api/tickets/" + number).status(), "headquarters sees every branch");
    // staff2 works at an outlet in the North China region; staff1's ticket belongs to East China.
    assertProblem(api.get("staff2", "/api/tickets/" + number), 404, "not-found");
    assertFalse(api.get("staff2", "/api/tickets?q=" + number).body().contains(number));
    assertProblem(api.get("staff2", "/api/tickets/T20990101-000001"), 404, "not-found");
    String eastBranch = Db.scalar("SELECT ID FROM BRANCH WHERE CODE = 'R-EAST'");
    assertProblem(api.get("staff2", "/api/tickets?branch=" + eastBranch), 400, "branch-out-of-scope");
    long otherCustomer = Fixtures.customerOf("staff2");
    assertProblem(api.post("staff1", "/api/tickets", Fixtures.complaint(otherCustomer, "别的网点的客户")), 400, "unknown-customer");
    assertTrue(api.get("staff1", "/api/customers?phone=" + Fixtures.phoneOf(otherCustomer)).body().equals("[]"));
  }

  @Test
  void rolesAreEnforcedInTheServices() {
    Api api = new Api(base);
    assertProblem(api.get("agent1", "/api/audit/events"), 403, "forbidden");
    assertProblem(api.get("staff1", "/api/audit/events"), 403, "forbidden");
    assertEquals(200, api.get("audit1", "/api/audit/events?size=5").status());
    // 9,000,000 × 500 does not fit in an int offset: refused, not wrapped around to a negative offset.
    assertProblem(api.get("audit1", "/api/audit/events?page=9000000&size=500"), 400, "invalid-parameter");
    assertProblem(api.post("audit1", "/api/tickets", Fixtures.complaint(1, "auditor writes")), 403, "forbidden");
    assertProblem(api.post("hq1", "/api/tickets", Fixtures.complaint(1, "manager writes")), 403, "forbidden");
    assertProblem(api.get("cti", "/api/tickets"), 403, "forbidden");
  }

  /**
   * The log is read window by window of the newest sequence numbers (AuditTrail.page; the test server's window is 20):
   * a busy actor's pages within and beyond the first window, and a rare actor's (found only in the whole chain), are
   * the database's newest first, with the exact total.
   */
  @Test
  void theAuditLogPagesNewestFirstWithinAndBeyondItsWindows() throws Exception {
    Api api = new Api(base);
    for (int i = 0; i < 12; i++) {
      assertEquals(201, api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "审计分页 " + i)).status());
    }
    assertEquals(200, api.post("audit1", "/api/audit/verification", null).status()); // at least one event of audit1
    Db.awaitScalar(10, "SELECT 'sealed' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM AUDIT_EVENT WHERE SEQ_NO IS NULL AND ACTOR_LOGIN IN ('staff1', 'audit1'))");
    for (String[] draw : new String[][] {{"staff1", "0", "5"}, {"staff1", "2", "5"}, {"audit1", "0", "20"}}) {
      JsonObject page = api.get("audit1", "/api/audit/events?actor=" + draw[0] + "&page=" + draw[1] + "&size=" + draw[2]).json();
      List<Long> shown = page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(e -> e.getJsonNumber("seqNo").longValue()).toList();
      List<Long> newest = new ArrayList<>();
      try (Connection c = Db.connect();
          PreparedStatement ps = c.prepareStatement("SELECT SEQ_NO FROM AUDIT_EVENT WHERE ACTOR_LOGIN = ? ORDER BY SEQ_NO DESC, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
        ps.setString(1, draw[0]);
        ps.setInt(2, Integer.parseInt(draw[1]) * Integer.parseInt(draw[2]));
        ps.setInt(3, Integer.parseInt(draw[2]));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            newest.add(rs.getLong(1));
          }
        }
      }
      assertFalse(newest.isEmpty(), "the draw " + List.of(draw) + " has rows");
      assertEquals(newest, shown, List.of(draw).toString());
      assertEquals(Long.parseLong(Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTOR_LOGIN = ?", draw[0])), page.getJsonNumber("total").longValue());
    }
  }

  /** Auditors take the log away as a spreadsheet: the rows the search shows, with whole hashes; the export is logged too. */
  @Test
  void anAuditorExportsTheFilteredLogAndTheExportIsItselfAudited() throws Exception {
    Api api = new Api(base);
    assertEquals(201, api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "审计导出")).status()); // at least one row
    Db.awaitScalar(10, "SELECT 'sealed' FROM DUAL WHERE NOT EXISTS"
        + " (SELECT 1 FROM AUDIT_EVENT WHERE ACTOR_LOGIN = 'staff1' AND ACTION = 'TICKET_CREATED' AND SEQ_NO IS NULL)");
    String filter = "actor=staff1&action=TICKET_CREATED";
    long shown = api.get("audit1", "/api/audit/events?size=1&" + filter).json().getJsonNumber("total").longValue();
    java.net.http.HttpResponse<byte[]> csv = api.download("audit1", "/api/audit/events/export?format=csv&" + filter);
    assertEquals(200, csv.statusCode(), new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8));
    String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    assertTrue(lines.get(0).startsWith("\uFEFF序号,") && lines.get(0).contains("前一条哈希"), lines.get(0));
    assertEquals(shown + 1, lines.size(), "a header and one line per event the search shows");
    assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",staff1,") && l.contains(",TICKET_CREATED,")), "only the filtered events");
    String hash = Db.scalar("SELECT HASH FROM AUDIT_EVENT WHERE ACTOR_LOGIN = 'staff1' AND ACTION = 'TICKET_CREATED' ORDER BY SEQ_NO DESC FETCH FIRST 1 ROWS ONLY");
    assertTrue(lines.get(1).contains(hash), "the whole hash, to check the chain outside");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'AUDIT_EXPORTED' AND ACTOR_LOGIN = 'audit1' AND AFTER_SUMMARY LIKE ?",
        shown + " rows;%"));
    assertProblem(api.get("staff1", "/api/audit/events/export"), 403, "forbidden");
  }

  @Test
  void customerIdentifiersAreMaskedAndRevealingIsAudited() throws Exception {
    Api api = new Api(base);
    long customer = Fixtures.customerOf("staff1");
    String phone = Fixtures.phoneOf(customer);
    Api.Reply found = api.get("staff1", "/api/customers?phone=" + phone);
    assertEquals(200, found.status(), found.body());
    assertFalse(found.body().contains(phone), "the phone number is masked");
    assertTrue(found.body().contains(phone.substring(0, 3) + "****" + phone.substring(7)), found.body());
    String before = Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CUSTOMER_IDENTIFIER_REVEALED'");
    Api.Reply revealed = api.post("staff1", "/api/customers/" + customer + "/reveal", "{\"kind\":\"PHONE\"}");
    assertEquals(phone, revealed.json().getString("value"));
    assertEquals(Integer.parseInt(before) + 1, Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CUSTOMER_IDENTIFIER_REVEALED'")));
    assertProblem(api.get("staff1", "/api/customers?phone=1&idNumber=2"), 400, "one-identifier");
  }

  @Test
  void fiveFailedSignInsLockTheAccount() throws Exception {
    Api api = new Api(base);
    String login = "it2";
    for (int i = 0; i < 5; i++) {
      api.send(login, "wrong-" + i, HttpRequest.newBuilder(api.uri("/api/tickets")).GET());
    }
    Api.Reply locked = api.send(login, Api.PASSWORD, HttpRequest.newBuilder(api.uri("/api/tickets")).GET());
    assertProblem(locked, 401, "unauthorized");
    assertTrue(locked.body().contains("locked"), locked.body());
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM STAFF WHERE LOGIN = ? AND LOCKED_UNTIL > SYSTIMESTAMP", login));
  }

}
