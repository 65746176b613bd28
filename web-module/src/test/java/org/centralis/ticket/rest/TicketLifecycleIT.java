package org.centralis.ticket.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
 * A ticket worked across the hierarchy: an outlet logs a complaint, the HQ complaints team
 * (投诉处理组) accepts, works and resolves it, the outlet confirms. Plus who may not, and claim-next.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketLifecycleIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @Test
  void anOutletsComplaintIsWorkedByTheHqTeamAndConfirmedByTheOutlet() throws Exception {
    Api api = new Api(base);
    JsonObject dispatched = logComplaint(api, "生命周期：年费重复扣收");
    String number = dispatched.getString("number");
    long team = dispatched.getJsonObject("assignedTeam").getJsonNumber("id").longValue();
    String member = complaintTeamMembers().get(0);
    String path = "/api/tickets/" + number + "/actions/";

    assertEquals(List.of("accept", "reject", "return", "reclassify", "merge", "comment"), actions(api, member, number));
    Api.Reply accepted = api.post(member, path + "accept", "{}");
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals("ACCEPTED", accepted.json().getString("status"));
    assertEquals(member, lastEvent(accepted.json()).getString("actor"));

    assertProblem(api.post(member, path + "accept", "{}"), 409, "ticket-transition");
    assertStatus(api.post(member, path + "start", "{}"), "IN_PROGRESS");
    assertProblem(api.post("staff1", path + "close", "{}"), 409, "ticket-transition");
    assertStatus(api.post(member, path + "pend", "{\"reason\":\"等待客户提供扣款短信截图\"}"), "PENDING_CUSTOMER");
    assertStatus(api.post(member, path + "resume", "{}"), "IN_PROGRESS");
    Api.Reply comment = api.post("staff1", path + "comment", "{\"note\":\"客户来电催办\",\"visibility\":\"CUSTOMER\"}");
    assertStatus(comment, "IN_PROGRESS");
    assertEquals("CUSTOMER", lastEvent(comment.json()).getString("visibility"));
    assertProblem(api.post(member, path + "resolve", "{}"), 400, "note-required");
    assertEquals(200, Fixtures.recordComplaintResolution(api, member, number).status()); // complaints need a root cause
    assertStatus(api.post(member, path + "resolve", "{\"note\":\"已退还重复扣收的年费\"}"), "RESOLVED");

    assertEquals(List.of("close", "reopen", "comment"), actions(api, "staff1", number));
    assertEquals(200, Fixtures.recordReturnVisit(api, number, 5).status()); // and a return visit before closure
    assertStatus(api.post("staff1", path + "close", "{}"), "CLOSED");

    for (String action : List.of("ACCEPTED", "WORK_STARTED", "PENDING_CUSTOMER", "RESUMED", "COMMENTED", "RESOLVED", "CLOSED")) {
      assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = ? AND TARGET_ID = ?", "TICKET_" + action, number), action);
    }
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM TICKET WHERE TICKET_NO = ? AND CLOSED_AT IS NOT NULL", number));
    JsonObject verification = api.post("audit1", "/api/audit/verification", null).json();
    assertTrue(verification.getBoolean("intact"), verification.toString());
    assertTrue(team > 0);
  }

  @Test
  void onlyTheAssignedTeamWorksTheTicketAndReadOnlyRolesDoNothing() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "生命周期：越权受理").getString("number");
    String path = "/api/tickets/" + number + "/actions/";
    String before = Db.scalar("SELECT VERSION FROM TICKET WHERE TICKET_NO = ?", number);

    // The outlet that logged it sees it but is not in the team.
    assertProblem(api.post("staff1", path + "accept", "{}"), 403, "ticket-action-forbidden");
    // Another HQ team sees every branch, but works only its own tickets.
    assertProblem(api.post("cards1", path + "accept", "{}"), 403, "ticket-action-forbidden");
    // Another region does not even see it.
    assertProblem(api.post("staff2", path + "accept", "{}"), 404, "not-found");
    assertProblem(api.post("hq1", path + "accept", "{}"), 403, "ticket-action-forbidden");
    assertProblem(api.post("audit1", path + "comment", "{\"note\":\"x\"}"), 403, "ticket-action-forbidden");
    assertEquals(List.of(), actions(api, "hq1", number), "managers only read");
    assertProblem(api.post(complaintTeamMembers().get(0), path + "fly", "{}"), 400, "invalid-parameter");
    assertEquals(before, Db.scalar("SELECT VERSION FROM TICKET WHERE TICKET_NO = ?", number), "nothing changed");
  }

  @Test
  void aRejectedTicketGoesBackToTheOutletWithItsReason() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "生命周期：拒单").getString("number");
    String member = complaintTeamMembers().get(0);
    String path = "/api/tickets/" + number + "/actions/";

    assertProblem(api.post(member, path + "reject", "{}"), 400, "reason-required");
    Api.Reply rejected = api.post(member, path + "reject", "{\"reason\":\"不属于投诉，请按业务咨询受理\"}");
    assertStatus(rejected, "REJECTED");
    JsonObject event = lastEvent(rejected.json());
    assertEquals("REJECTED", event.getString("kind"));
    assertEquals("不属于投诉，请按业务咨询受理", event.getString("detail"));
    assertTrue(!rejected.json().containsKey("assignedTeam") || rejected.json().isNull("assignedTeam"), "no team holds it now");

    Api.Reply seen = api.get("staff1", "/api/tickets/" + number);
    assertEquals(200, seen.status());
    assertEquals(List.of("cancel", "transfer", "merge", "comment"), actions(api, "staff1", number), "back with the dispatcher");
    assertStatus(api.post("staff1", path + "cancel", "{\"reason\":\"客户已在柜面办理\"}"), "CANCELLED");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_REJECTED' AND TARGET_ID = ?", number));
  }

  /** A customer complains twice about the same fee; the second complaint is merged into the first. */
  @Test
  void aDuplicateIsMergedIntoTheCustomersOpenTicketAndItsClocksStop() throws Exception {
    Api api = new Api(base);
    String first = logComplaint(api, "生命周期：重复投诉（保留）").getString("number");
    String second = logComplaint(api, "生命周期：重复投诉（合并）").getString("number");
    String path = "/api/tickets/" + second + "/actions/merge";
    String elsewhere = api.post("staff2", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff2"), "另一网点的投诉")).json().getString("number");

    assertProblem(api.post("staff1", path, "{\"reason\":\"重复\"}"), 400, "target-required");
    assertProblem(api.post("staff1", path, "{\"targetNumber\":\"" + second + "\",\"reason\":\"重复\"}"), 400, "not-a-duplicate");
    assertProblem(api.post("staff1", path, "{\"targetNumber\":\"" + elsewhere + "\",\"reason\":\"重复\"}"), 400, "unknown-target");
    assertProblem(api.post("staff1", path, "{\"targetNumber\":\"" + first + "\"}"), 400, "reason-required");
    assertProblem(api.post("hq1", path, "{\"targetNumber\":\"" + first + "\",\"reason\":\"重复\"}"), 403, "ticket-action-forbidden");

    Api.Reply merged = api.post("staff1", path, "{\"targetNumber\":\"" + first + "\",\"reason\":\"客户同日两次来电反映同一笔年费\"}");
    assertStatus(merged, "CANCELLED");
    JsonObject event = lastEvent(merged.json());
    assertEquals("MERGED", event.getString("kind"));
    assertEquals("→ " + first + ": 客户同日两次来电反映同一笔年费", event.getString("detail"));
    JsonObject kept = api.get("staff1", "/api/tickets/" + first).json();
    assertEquals("DISPATCHED", kept.getString("status"), "the ticket that stays goes on");
    assertEquals("← " + second + ": 生命周期：重复投诉（合并）", lastEvent(kept).getString("detail"));
    assertEquals("0", Db.scalar("SELECT COUNT(*) FROM SLA_CLOCK WHERE TICKET_NO = ? AND STATE IN ('RUNNING', 'PAUSED')", second), "the duplicate's deadlines are off");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_MERGED' AND TARGET_ID = ?", second));
    assertProblem(api.post("staff1", "/api/tickets/" + first + "/actions/merge", "{\"targetNumber\":\"" + second + "\",\"reason\":\"x\"}"), 400,
        "not-a-duplicate");
  }

  /** A team lead moves several tickets at once; what cannot be done is reported ticket by ticket, the rest is done. */
  @Test
  void aSupervisorTransfersTicketsInBulkAndLearnsWhichWereRefused() throws Exception {
    Api api = new Api(base);
    String first = logComplaint(api, "生命周期：批量转派一").getString("number");
    String second = logComplaint(api, "生命周期：批量转派二").getString("number");
    String ops = Db.scalar("SELECT ID FROM TEAM WHERE CODE = 'HQ-OPS-SUPPORT'");
    String body = "{\"numbers\":[\"" + first + "\",\"" + second + "\",\"T20000101-999999\",\"" + first + "\"],\"teamId\":" + ops + ",\"reason\":\"投诉组人手不足，临时转运营支持\"}";

    assertProblem(api.post("staff1", "/api/tickets/bulk/transfer", body), 403, "forbidden");
    assertProblem(api.post("super1", "/api/tickets/bulk/resolve", body), 400, "bulk-action-not-supported");
    assertProblem(api.post("super1", "/api/tickets/bulk/transfer", "{\"numbers\":[]}"), 400, "numbers-required");

    Api.Reply reply = api.post("super1", "/api/tickets/bulk/transfer", body);
    assertEquals(200, reply.status(), reply.body());
    JsonObject result = reply.json();
    assertEquals(2, result.getInt("succeeded"), result.toString());
    assertEquals(1, result.getInt("failed"), "the unknown ticket; the repeated number counts once");
    JsonObject unknown = result.getJsonArray("outcomes").getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("number").startsWith("T2000")).findFirst().orElseThrow();
    assertEquals("not-found", unknown.getString("problem"));
    for (String number : List.of(first, second)) {
      JsonObject ticket = api.get("staff1", "/api/tickets/" + number).json();
      assertEquals("HQ-OPS-SUPPORT", ticket.getJsonObject("assignedTeam").getString("code"));
      assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_TRANSFERRED' AND TARGET_ID = ?", number), "each ticket audited");
    }
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKETS_BULK' AND AFTER_SUMMARY LIKE ?", "%" + first + "%"));
  }

  @Test
  void claimNextHandsOutTheOldestDispatchedTicketOnceEach() throws Exception {
    Api api = new Api(base);
    JsonObject ticket = logComplaint(api, "生命周期：取单");
    logComplaint(api, "生命周期：取单二"); // two at least, whatever the demo data's time of day left waiting
    long team = ticket.getJsonObject("assignedTeam").getJsonNumber("id").longValue();
    List<String> members = complaintTeamMembers();
    String queue = "/api/teams/" + team + "/tickets";

    Api.Reply page = api.get(members.get(0), queue + "?status=DISPATCHED&size=2");
    assertEquals(200, page.status(), page.body());
    String oldest = page.json().getJsonArray("items").getJsonObject(0).getString("number");
    String second = page.json().getJsonArray("items").getJsonObject(1).getString("number");
    assertProblem(api.get("staff1", queue), 403, "not-team-member");
    assertProblem(api.post("cards1", "/api/teams/" + team + "/claim-next", null), 403, "not-team-member");

    // Two members claim at the same moment: each gets one of the two oldest, never the same.
    CompletableFuture<Api.Reply> first = CompletableFuture.supplyAsync(() -> api.post(members.get(0), "/api/teams/" + team + "/claim-next", null));
    CompletableFuture<Api.Reply> other = CompletableFuture.supplyAsync(() -> api.post(members.get(1), "/api/teams/" + team + "/claim-next", null));
    JsonObject a = first.get().json();
    JsonObject b = other.get().json();
    assertEquals(200, first.get().status(), first.get().body());
    assertEquals(200, other.get().status(), other.get().body());
    assertNotEquals(a.getString("number"), b.getString("number"));
    assertEquals(
        java.util.Set.of(oldest, second), java.util.Set.of(a.getString("number"), b.getString("number")), "the two oldest, in dispatch order");
    assertEquals("ACCEPTED", a.getString("status"));
    assertEquals(members.get(0), lastEvent(a).getString("actor"));
    assertEquals(members.get(1), lastEvent(b).getString("actor"));

    JsonObject counts = api.get(members.get(0), "/api/teams/" + team + "/ticket-counts").json();
    assertTrue(counts.getJsonNumber("ACCEPTED").longValue() >= 2, counts.toString());
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Export (导出): the list as the caller sees it — their scope, their filter — in XLSX or CSV with the page's labels;
   * a subject a spreadsheet would run as a formula is written as text; every export is audited.
   */
  @Test
  void theListExportsAsTheCallerSeesItAndEachExportIsAudited() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "=1+2 导出测试").getString("number");
    int exportsBefore = Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKETS_EXPORTED'"));
    long seen = api.get("staff1", "/api/tickets?size=1").json().getJsonNumber("total").longValue();

    HttpResponse<byte[]> csv = api.download("staff1", "/api/tickets/export?format=csv");
    assertEquals(200, csv.statusCode(), new String(csv.body(), StandardCharsets.UTF_8));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"tickets-\\d{8}-\\d{4}\\.csv\""), csv.headers().toString());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFF工单号,"), text.substring(0, Math.min(80, text.length())));
    List<String> lines = text.lines().toList();
    assertEquals(seen + 1, lines.size(), "a header and one line per ticket staff1 sees");
    String line = lines.stream().filter(l -> l.startsWith(number + ",")).findFirst().orElseThrow(() -> new AssertionError(number + " not exported"));
    assertTrue(line.contains(",投诉,") && line.contains(",'=1+2 导出测试,"), line);

    HttpResponse<byte[]> xlsx = api.download("staff1", "/api/tickets/export?format=xlsx&type=COMPLAINT&lang=en");
    assertEquals(200, xlsx.statusCode());
    String sheet = sheet1(xlsx.body());
    long complaints = api.get("staff1", "/api/tickets?size=1&type=COMPLAINT").json().getJsonNumber("total").longValue();
    assertEquals(complaints + 1, sheet.split("<row ", -1).length - 1, "header and one row per complaint");
    assertTrue(sheet.contains(">Ticket no.<") && sheet.contains(">" + number + "<") && sheet.contains(">Complaint<"), "English labels");
    assertTrue(sheet.contains(">=1+2 导出测试<") && !sheet.contains("<f>"), "a text cell, never a formula");

    // Another region's clerk exports their own list: this ticket is not in it.
    String other = new String(api.download("staff2", "/api/tickets/export?format=csv").body(), StandardCharsets.UTF_8);
    assertTrue(other.startsWith("\uFEFF") && !other.contains(number), "scoped like the list");
    assertEquals(exportsBefore + 3, Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKETS_EXPORTED'")));
    assertProblem(api.get("staff1", "/api/tickets/export?format=pdf"), 400, "invalid-parameter");
    assertEquals(403, api.get("cti", "/api/tickets/export").status());
  }

  private static String sheet1(byte[] xlsx) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no sheet in the workbook");
  }

  private static JsonObject logComplaint(Api api, String subject) throws Exception {
    Api.Reply created = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), subject));
    assertEquals(201, created.status(), created.body());
    JsonObject ticket = TicketDispatchIT.awaitStatus(api, created.json().getString("number"), "DISPATCHED");
    assertEquals("投诉处理组", ticket.getJsonObject("assignedTeam").getString("name"));
    return ticket;
  }

  /** Logins of the HQ complaints team, read from the database rather than assumed. */
  private static List<String> complaintTeamMembers() throws Exception {
    List<String> logins = new ArrayList<>();
    try (Connection c = Db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT S.LOGIN FROM STAFF S JOIN TEAM T ON T.ID = S.TEAM_ID WHERE T.NAME = '投诉处理组' AND S.ACTIVE = 1 ORDER BY S.LOGIN");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        logins.add(rs.getString(1));
      }
    }
    assertTrue(logins.size() >= 2, logins.toString());
    return logins;
  }

  private static List<String> actions(Api api, String user, String number) {
    Api.Reply r = api.get(user, "/api/tickets/" + number + "/actions");
    assertEquals(200, r.status(), r.body());
    return r.parse().asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
  }

  private static JsonObject lastEvent(JsonObject ticket) {
    var timeline = ticket.getJsonArray("timeline");
    return timeline.getJsonObject(timeline.size() - 1);
  }


  private static void assertStatus(Api.Reply reply, String status) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals(status, reply.json().getString("status"), reply.body());
  }
}
