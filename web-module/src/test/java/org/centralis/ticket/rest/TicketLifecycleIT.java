package org.centralis.ticket.rest;

import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    // The team's queue as a spreadsheet: one line per ticket the queue holds, in its order; members only; audited.
    long open = api.get(members.get(0), queue + "?size=1").json().getJsonNumber("total").longValue();
    HttpResponse<byte[]> csv = api.download(members.get(0), queue + "/export?format=csv");
    assertEquals(200, csv.statusCode(), new String(csv.body(), StandardCharsets.UTF_8));
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(open + 1, lines.size(), "a header and one line per open ticket of the team");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(a.getString("number") + ",")), "the claimed ticket is in the export");
    assertEquals(403, api.get("staff1", queue + "/export").status());
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TEAM_QUEUE_EXPORTED' AND ACTOR_LOGIN = ? AND TARGET_ID = ?", members.get(0), Long.toString(team)));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * A team member's list is their subtree plus what is assigned to their team from elsewhere, read as two parts (the
   * scope; the team's tickets outside it) and merged in list order (TicketQueries): a Beijing operations clerk does not
   * see a Shanghai complaint until it is assigned to the Beijing operations team; then it comes first (the newest),
   * is counted once, and the next page goes on where the first page now ends.
   */
  @Test
  void aTeamMembersListMergesTheTeamsTicketsFromOtherBranchesInOrder() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "列表：改派北京运营组").getString("number");
    JsonObject before = api.get("ops-bj1", "/api/tickets?size=5").json();
    long total = before.getJsonNumber("total").longValue();
    assertTrue(total >= 10, "the clerk's own subtree has tickets: " + before);
    assertFalse(before.toString().contains(number), "a Shanghai ticket of an HQ team is outside the clerk's list");

    Db.update("UPDATE TICKET SET ASSIGNED_TEAM_ID = (SELECT ID FROM TEAM WHERE CODE = 'BJ-OPS') WHERE TICKET_NO = ?", number);
    JsonObject after = api.get("ops-bj1", "/api/tickets?size=5").json();
    assertEquals(total + 1, after.getJsonNumber("total").longValue(), after.toString());
    JsonArray items = after.getJsonArray("items");
    assertEquals(5, items.size());
    assertEquals(number, items.getJsonObject(0).getString("number"), "the newest first, whichever part it came from");
    assertEquals(before.getJsonArray("items").getJsonObject(3).getString("number"), items.getJsonObject(4).getString("number"));
    JsonArray second = api.get("ops-bj1", "/api/tickets?size=5&page=1").json().getJsonArray("items");
    assertEquals(before.getJsonArray("items").getJsonObject(4).getString("number"), second.getJsonObject(0).getString("number"));
  }

  /**
   * The dashboards' figures (GET /api/tickets/counts, read by the HQ and supervisor home pages) are the list's totals:
   * for every status and every kind of caller — an outlet clerk, a team member whose list has two parts (a Shanghai
   * complaint assigned to the Beijing team is counted for the Beijing clerk), the HQ manager — and the open tickets by
   * branch stay inside the caller's scope.
   */
  @Test
  void theDashboardCountsAreTheListsTotalsForEveryStatusAndScope() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "看板计数：改派北京运营组").getString("number");
    Db.update("UPDATE TICKET SET ASSIGNED_TEAM_ID = (SELECT ID FROM TEAM WHERE CODE = 'BJ-OPS') WHERE TICKET_NO = ?", number);
    for (String user : List.of("staff1", "ops-bj1", "hq1")) {
      assertCountsAreListTotals(api, user);
    }
    String shanghai = Db.scalar("SELECT OWNING_BRANCH_PATH FROM TICKET WHERE TICKET_NO = ?", number);
    assertTrue(api.get("ops-bj1", "/api/tickets/counts").body().contains("\"" + shanghai + "\""), "the team's ticket from Shanghai is in the Beijing clerk's counts");
    assertFalse(api.get("staff2", "/api/tickets/counts").body().contains("\"" + shanghai + "\""), "another region's clerk counts none of Shanghai's");
    assertEquals(403, api.get("cti", "/api/tickets/counts").status());
  }

  /**
   * The HQ list as it opens — the whole bank, newest first — is read window by window of recent days (TicketQueries):
   * a page is the database's newest tickets in order, also a page that ends beyond the last day's tickets, and the
   * total is every ticket.
   */
  @Test
  void theWholeBanksListIsTheNewestTicketsInOrderAlsoBeyondTheLastDay() throws Exception {
    Api api = new Api(base);
    logComplaint(api, "总行列表：最新在前");
    long lastDay = Long.parseLong(Db.scalar("SELECT COUNT(*) FROM TICKET WHERE CREATED_AT >= ?", java.time.OffsetDateTime.now().minusDays(1)));
    long all = Long.parseLong(Db.scalar("SELECT COUNT(*) FROM TICKET"));
    assertTrue(all > lastDay, "the demo history is older than a day: " + all + " tickets, " + lastDay + " in the last day");
    int deep = (int) (lastDay / 50); // the page of 50 that holds the last day's oldest ticket, so it reaches past the day
    for (int[] page : new int[][] {{0, 5}, {deep, 50}}) {
      JsonObject listed = api.get("hq1", "/api/tickets?page=" + page[0] + "&size=" + page[1]).json();
      assertEquals(all, listed.getJsonNumber("total").longValue());
      List<String> numbers = listed.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(t -> t.getString("number")).toList();
      List<String> newest = new ArrayList<>();
      try (Connection c = Db.connect();
          PreparedStatement ps = c.prepareStatement("SELECT TICKET_NO FROM TICKET ORDER BY CREATED_AT DESC, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
        ps.setInt(1, page[0] * page[1]);
        ps.setInt(2, page[1]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            newest.add(rs.getString(1));
          }
        }
      }
      assertFalse(numbers.isEmpty());
      assertEquals(newest, numbers, "page " + page[0] + " of " + page[1]);
    }
  }

  /** Counts and list totals are read at different moments: compared when the counts did not change meanwhile. */
  private static void assertCountsAreListTotals(Api api, String user) throws Exception {
    List<String> statuses = List.of("NEW", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED", "REJECTED", "RETURNED", "REOPENED", "CANCELLED");
    for (int attempt = 0; ; attempt++) {
      JsonObject counts = api.get(user, "/api/tickets/counts").json();
      Map<String, Long> listed = new LinkedHashMap<>();
      Map<String, Long> complaints = new LinkedHashMap<>();
      for (String status : statuses) {
        listed.put(status, total(api, user, "status=" + status));
        complaints.put(status, total(api, user, "type=COMPLAINT&status=" + status));
      }
      if (!counts.equals(api.get(user, "/api/tickets/counts").json()) && attempt < 5) {
        continue; // a ticket moved while the lists were read
      }
      JsonObject byStatus = counts.getJsonObject("byStatus");
      listed.forEach((status, n) -> assertEquals(n, byStatus.getJsonNumber(status).longValue(), user + " " + status + ": " + counts));
      List<JsonObject> open = counts.getJsonArray("openByBranch").getValuesAs(JsonObject.class);
      assertEquals(openOf(listed), counts.getJsonNumber("open").longValue(), user + ": " + counts);
      assertEquals(openOf(listed), open.stream().mapToLong(c -> c.getJsonNumber("count").longValue()).sum(), user + ": " + counts);
      long openComplaints = open.stream().filter(c -> c.getString("type").equals("COMPLAINT")).mapToLong(c -> c.getJsonNumber("count").longValue()).sum();
      assertEquals(openOf(complaints), openComplaints, user + ": " + counts);
      assertTrue(openComplaints > 0, user + " has the open complaints logged by this class: " + counts);
      return;
    }
  }

  private static long total(Api api, String user, String query) {
    return api.get(user, "/api/tickets?size=1&" + query).json().getJsonNumber("total").longValue();
  }

  private static long openOf(Map<String, Long> byStatus) {
    return byStatus.entrySet().stream().filter(e -> !e.getKey().equals("CLOSED") && !e.getKey().equals("CANCELLED")).mapToLong(Map.Entry::getValue).sum();
  }

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
    JsonObject ticket = awaitStatus(api, created.json().getString("number"), "DISPATCHED");
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

  // ---- moved from TicketDispatchIT: The first path through the whole stack on Payara Micro: REST → session bean → database and JMS in one transaction → message-driven bean → dispatch rules → timeline and audit chain.



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
    // Committed with the ticket, then sealed into the chain by the sealer's timer within seconds (nobody verifies yet).
    String seqNo = Db.awaitScalar(10, "SELECT SEQ_NO FROM AUDIT_EVENT WHERE ACTION = 'TICKET_CREATED' AND TARGET_ID = ?", number);
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
    try (jakarta.jms.Connection c = factory.createConnection();
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

  /**
   * Requests logged at the same moment by staff of different branches share intake transactions (group commit); each
   * ticket must still be its own caller's: creator, owning branch, timeline actor and audit actor.
   */
  @Test
  void ticketsLoggedTogetherByDifferentCallersAreEachTheirOwnCallers() throws Exception {
    List<String> logins = List.of("staff1", "staff2", "agent1", "staff1", "staff2", "agent1", "staff1", "staff2", "agent1", "staff1", "staff2", "agent1");
    Map<String, Long> customers = new LinkedHashMap<>();
    for (String login : logins) {
      customers.putIfAbsent(login, Fixtures.customerOf(login));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(logins.size());
    List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < logins.size(); i++) {
        String login = logins.get(i);
        String subject = "并发受理" + i;
        replies.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return new Api(base).post(login, "/api/tickets", Fixtures.complaint(customers.get(login), subject));
        }, clients));
      }
      start.countDown();
      List<Long> counters = new ArrayList<>();
      for (int i = 0; i < logins.size(); i++) {
        Api.Reply created = replies.get(i).get(60, TimeUnit.SECONDS);
        assertEquals(201, created.status(), created.body());
        String login = logins.get(i);
        String number = created.json().getString("number");
        counters.add(Long.parseLong(number.substring(number.indexOf('-') + 1)));
        assertEquals("并发受理" + i, created.json().getString("subject"), "each request is answered with its own ticket");
        assertEquals(
            Db.scalar("SELECT ID || '/' || BRANCH_ID FROM STAFF WHERE LOGIN = ?", login),
            Db.scalar("SELECT CREATED_BY_ID || '/' || OWNING_BRANCH_ID FROM TICKET WHERE TICKET_NO = ?", number),
            number + " is created by and owned by the branch of " + login);
        assertEquals(login, Db.scalar("SELECT ACTOR_LOGIN FROM AUDIT_EVENT WHERE ACTION = 'TICKET_CREATED' AND TARGET_ID = ?", number));
        JsonObject ticket = awaitStatus(new Api(base), login, number, "DISPATCHED");
        JsonObject createdEvent = ticket.getJsonArray("timeline").getJsonObject(0);
        assertEquals("CREATED", createdEvent.getString("kind"));
        assertEquals(login, createdEvent.getString("actor"));
        assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_DISPATCHED' AND TARGET_ID = ?", number));
        assertEquals("1", Db.scalar("SELECT COUNT(*) FROM COMPLAINT C, TICKET T WHERE C.TICKET_ID = T.ID AND T.TICKET_NO = ?", number));
        assertEquals("0", Db.scalar("SELECT COUNT(*) FROM TICKET_DISPATCH_OUTBOX O, TICKET T WHERE O.TICKET_ID = T.ID AND T.TICKET_NO = ?", number),
            "the dispatch message took " + number + " out of the dispatch outbox");
      }
      // A batch that fails is written again ticket by ticket, with new numbers: the callers see no error, but the
      // numbers of the failed attempt are gone. None of these requests is bad, so no batch may have failed.
      assertEquals(logins.size() - 1, Collections.max(counters) - Collections.min(counters), "consecutive ticket numbers: " + counters);
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * A "tickets created" message names all tickets of one intake transaction. A ticket of it that cannot be dispatched
   * must not take the others down with it, nor hide among them in the dead-letter queue: it ends there alone.
   */
  @Test
  void aBatchMessagesUndispatchableTicketsEndInTheDeadLetterQueueOneByOne() throws Exception {
    long missing = 900_000_000_000L + System.nanoTime() % 1_000_000_000L;
    Api api = new Api(base);
    Api.Reply dispatchedOne = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "批量消息中的已派单工单"));
    String number = dispatchedOne.json().getString("number");
    awaitStatus(api, number, "DISPATCHED");
    String id = Db.scalar("SELECT ID FROM TICKET WHERE TICKET_NO = ?", number);
    var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + System.getProperty("centralis.broker.port"));
    try (jakarta.jms.Connection c = factory.createConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      s.createProducer(s.createQueue("centralis.ticket.created"))
          .send(s.createTextMessage("{\"ticketIds\":[" + missing + "," + id + "," + (missing + 1) + "]}"));
    }
    String alone = "{\"ticketId\":" + missing + "}";
    String alsoAlone = "{\"ticketId\":" + (missing + 1) + "}";
    long deadline = System.currentTimeMillis() + 30_000;
    List<String> dead = List.of();
    while (!(dead.contains(alone) && dead.contains(alsoAlone)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      dead = api.get("admin1", "/api/admin/dead-letters").parse().asJsonArray().getValuesAs(JsonObject.class).stream().map(m -> m.getString("body")).toList();
    }
    assertTrue(dead.contains(alone), dead.toString());
    assertTrue(dead.contains(alsoAlone), dead.toString());
    assertFalse(dead.stream().anyMatch(body -> body.contains(Long.toString(missing)) && !body.equals(alone) && !body.equals(alsoAlone)),
        "the batch itself is not dead: it was split " + dead);
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_DISPATCHED' AND TARGET_ID = ?", number), "dispatched once");
  }

  /**
   * Intake announces its tickets after their commit (ADR 0019); a message lost in between (a crash, the broker down)
   * leaves the ticket in the dispatch outbox, and the sweeper announces it again. Here the loss is staged on a ticket
   * that was dispatched: announced twice, it is still dispatched once.
   */
  @Test
  void aTicketLeftInTheDispatchOutboxIsAnnouncedAgainAndDispatchedOnce() throws Exception {
    Api api = new Api(base);
    String number = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "派单消息丢失后重发")).json().getString("number");
    awaitStatus(api, number, "DISPATCHED");
    String id = Db.scalar("SELECT ID FROM TICKET WHERE TICKET_NO = ?", number);
    assertEquals("0", Db.scalar("SELECT COUNT(*) FROM TICKET_DISPATCH_OUTBOX WHERE TICKET_ID = ?", id));
    Db.update("INSERT INTO TICKET_DISPATCH_OUTBOX (TICKET_ID, LOGGED_AT) VALUES (?, CURRENT_TIMESTAMP - INTERVAL '1' HOUR)", Long.parseLong(id));

    long deadline = System.currentTimeMillis() + 60_000; // the sweeper runs every 15 s
    while (!"0".equals(Db.scalar("SELECT COUNT(*) FROM TICKET_DISPATCH_OUTBOX WHERE TICKET_ID = ?", id)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    assertEquals("0", Db.scalar("SELECT COUNT(*) FROM TICKET_DISPATCH_OUTBOX WHERE TICKET_ID = ?", id), "announced again and taken in charge");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_DISPATCHED' AND TARGET_ID = ?", number), "dispatched once");
    assertEquals("DISPATCHED", api.get("staff1", "/api/tickets/" + number).json().getString("status"));
  }

  static JsonObject awaitStatus(Api api, String number, String status) throws InterruptedException {
    return awaitStatus(api, "staff1", number, status);
  }

  /** Waits until the ticket, as the login sees it, has the status. */
  static JsonObject awaitStatus(Api api, String login, String number, String status) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    JsonObject ticket = null;
    while (System.currentTimeMillis() < deadline) {
      Api.Reply r = api.get(login, "/api/tickets/" + number);
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
    JsonObject dispatched = awaitStatus(api, logged.json().getString("number"), "DISPATCHED");
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
    assertNotDecidedBy(ruleId, fallback);
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'DISPATCH_RULE_CHANGED' AND TARGET_ID = ?", Long.toString(ruleId)));
  }

  private static void assertNotDecidedBy(long ruleId, JsonObject tryOut) {
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
