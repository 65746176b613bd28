package org.centralis.complaint.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The complaint rules through the API: intake with bad complaint input (problem+json), regulator
 * deadline and repeat flag, the resolve veto without root cause, the close veto without return
 * visit, the CSAT ≤ 2 reopen loop, related tickets, and branch scoping of the register.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ComplaintsApiIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  private static String request(long customer, String complaintJson) {
    return "{\"type\":\"COMPLAINT\",\"categoryId\":32,\"priority\":\"NORMAL\",\"channel\":\"BRANCH_COUNTER\",\"subject\":\"年费争议\",\"customerId\":" + customer
        + (complaintJson == null ? "" : ",\"complaint\":" + complaintJson) + "}";
  }

  @Test
  void complaintIntakeRefusesBadComplaintFieldsWithProblemDetails() throws Exception {
    Api api = new Api(base);
    long customer = Fixtures.customerOf("staff1");
    assertProblem(api.post("staff1", "/api/tickets", request(customer, null)), 400, "complaint-details-required");
    assertProblem(api.post("staff1", "/api/tickets", request(customer, "{\"severity\":\"MAJOR\",\"taxonomyId\":999999}")), 400, "unknown-complaint-taxonomy");
    // A root-cause node is no complaint taxonomy.
    assertProblem(api.post("staff1", "/api/tickets", request(customer, "{\"severity\":\"MAJOR\",\"taxonomyId\":101}")), 400, "unknown-complaint-taxonomy");
    Api.Reply badSeverity = api.post("staff1", "/api/tickets", request(customer, "{\"severity\":\"HUGE\",\"taxonomyId\":21}"));
    assertEquals(400, badSeverity.status(), badSeverity.body());
    assertTrue(badSeverity.contentType().startsWith("application/problem+json"), badSeverity.contentType());
    assertTrue(badSeverity.body().contains("severity"), badSeverity.body());
    Api.Reply negative = api.post("staff1", "/api/tickets", request(customer, "{\"severity\":\"MINOR\",\"taxonomyId\":21,\"amount\":-1,\"currency\":\"CNY\"}"));
    assertEquals(400, negative.status(), negative.body());
    assertTrue(negative.body().contains("amount"), negative.body());
    assertProblem(api.post("staff1", "/api/tickets", request(customer, "{\"severity\":\"MINOR\",\"taxonomyId\":21,\"amount\":10.5}")), 400, "invalid-currency");
    // Another type ignores the complaint fields.
    Api.Reply inquiry = api.post("staff1", "/api/tickets",
        "{\"type\":\"INQUIRY\",\"categoryId\":2,\"priority\":\"NORMAL\",\"channel\":\"PHONE\",\"subject\":\"余额\",\"complaint\":{\"severity\":\"HUGE\",\"taxonomyId\":1}}");
    assertEquals(400, inquiry.status(), "bean validation still checks the nested object: " + inquiry.body());
    assertEquals("0", Db.scalar("SELECT COUNT(*) FROM TICKET WHERE SUBJECT = '年费争议' AND CUSTOMER_ID = ? AND CREATED_AT > ?",
        customer, java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(5)))), "nothing was logged");
  }

  @Test
  void aComplaintNeedsRootCauseToResolveAndReturnVisitToCloseAndARepeatIsRaised() throws Exception {
    Api api = new Api(base);
    long customer = Fixtures.customerOf("staff1");
    Instant before = Instant.now();
    String number = logged(api, Fixtures.complaint(customer, "规则测试：年费重复扣收"));
    JsonObject complaint = api.get("staff1", "/api/complaints/" + number).json();
    assertEquals("MAJOR", complaint.getString("severity"));
    assertEquals("FEE-ANNUAL", complaint.getJsonObject("taxonomy").getString("code"));
    assertEquals("300.00", complaint.getJsonNumber("amount").bigDecimalValue().setScale(2).toPlainString());
    // 15 calendar days (the default rule), to the end of the local day.
    LocalDate due = LocalDate.ofInstant(before, SHANGHAI).plusDays(15);
    Instant deadline = Instant.parse(complaint.getString("regulatorDeadline"));
    assertTrue(!deadline.isBefore(due.plusDays(1).atStartOfDay(SHANGHAI).toInstant().minusMillis(1)) && deadline.isBefore(due.plusDays(2).atStartOfDay(SHANGHAI).toInstant()),
        deadline + " vs " + due);

    // The same customer and category again: a repeat, one priority up (HIGH → URGENT).
    String repeat = logged(api, Fixtures.complaint(customer, "规则测试：再次投诉"));
    JsonObject second = api.get("staff1", "/api/complaints/" + repeat).json();
    assertTrue(second.getBoolean("repeat"), second.toString());
    assertEquals("URGENT", api.get("staff1", "/api/tickets/" + repeat).json().getString("priority"));

    String member = Db.scalar("SELECT S.LOGIN FROM STAFF S JOIN TEAM T ON T.ID = S.TEAM_ID WHERE T.NAME = '投诉处理组' ORDER BY S.LOGIN FETCH FIRST 1 ROWS ONLY");
    String path = "/api/tickets/" + number + "/actions/";
    assertEquals(200, api.post(member, path + "accept", "{}").status());
    assertProblem(api.post(member, path + "resolve", "{\"note\":\"已处理\"}"), 400, "root-cause-required");
    assertEquals("ACCEPTED", api.get("staff1", "/api/tickets/" + number).json().getString("status"), "the veto rolled the change back");
    assertProblem(api.put(member, "/api/complaints/" + number + "/resolution", "{\"rootCauseId\":2,\"correctiveAction\":\"x\"}"), 400, "unknown-root-cause");
    assertProblem(api.put(member, "/api/complaints/" + number + "/resolution", "{\"rootCauseId\":101,\"correctiveAction\":\" \"}"), 400, "validation");
    assertEquals(200, Fixtures.recordComplaintResolution(api, member, number).status());
    assertEquals("RESOLVED", api.post(member, path + "resolve", "{\"note\":\"已退还\"}").json().getString("status"));

    assertTrue(Fixtures.openReturnVisit(api, number) > 0, "every resolved complaint gets a return visit");
    assertProblem(api.post("staff1", path + "close", "{}"), 409, "return-visit-required");
    assertEquals(200, Fixtures.recordReturnVisit(api, number, 4).status());
    assertEquals("CLOSED", api.post("staff1", path + "close", "{}").json().getString("status"));
    assertEquals("CLOSED", api.get("hq1", "/api/complaints/" + number).json().getString("ticketStatus"));
  }

  @Test
  void anUnsatisfiedReturnVisitReopensTheTicketAndSamplesItForQa() throws Exception {
    Api api = new Api(base);
    String number = logged(api, Fixtures.complaint(Fixtures.customerOf("staff1"), "回访测试：不满意"));
    String member = Db.scalar("SELECT S.LOGIN FROM STAFF S JOIN TEAM T ON T.ID = S.TEAM_ID WHERE T.NAME = '投诉处理组' ORDER BY S.LOGIN FETCH FIRST 1 ROWS ONLY");
    String path = "/api/tickets/" + number + "/actions/";
    api.post(member, path + "accept", "{}");
    Fixtures.recordComplaintResolution(api, member, number);
    assertEquals("RESOLVED", api.post(member, path + "resolve", "{\"note\":\"已退还\"}").json().getString("status"));
    long visit = Fixtures.openReturnVisit(api, number);
    assertProblem(api.post("agent1", "/api/return-visits/" + visit + "/outcome", "{\"reached\":true}"), 400, "csat-required");
    assertProblem(api.post("staff1", "/api/return-visits/" + visit + "/outcome", "{\"reached\":true,\"csat\":2}"), 403, "forbidden");
    Api.Reply recorded = api.post("agent1", "/api/return-visits/" + visit + "/outcome", "{\"reached\":true,\"csat\":2,\"comment\":\"费用仍未退还\"}");
    assertEquals(200, recorded.status(), recorded.body());
    assertTrue(recorded.json().getBoolean("escalated"));
    JsonObject ticket = api.get("staff1", "/api/tickets/" + number).json();
    assertEquals("REOPENED", ticket.getString("status"));
    var timeline = ticket.getJsonArray("timeline");
    assertEquals("agent1", timeline.getJsonObject(timeline.size() - 1).getString("actor"));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_REOPENED' AND TARGET_ID = ?", number));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM QA_SAMPLE WHERE TICKET_NO = ? AND REASON = 'LOW_CSAT'", number));
    assertProblem(api.post("agent1", "/api/return-visits/" + visit + "/outcome", "{\"reached\":true,\"csat\":5}"), 409, "return-visit-done");
    // The agent takes the visits they recorded away as a spreadsheet: this one is in it, with its CSAT; the export is audited.
    java.net.http.HttpResponse<byte[]> mine = api.download("agent1", "/api/return-visits/export?format=csv&mine=true");
    assertEquals(200, mine.statusCode());
    String csv = new String(mine.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF工单号,") && csv.contains("回访坐席"), csv.substring(0, Math.min(120, csv.length())));
    String row = csv.lines().filter(l -> l.startsWith(number + ",")).findFirst().orElseThrow(() -> new AssertionError(number + " not exported"));
    assertTrue(row.contains(",已完成,") && row.contains(",2,费用仍未退还,agent1,✔,"), row);
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'RETURN_VISITS_EXPORTED' AND ACTOR_LOGIN = 'agent1'"));
    assertEquals(403, api.get("staff1", "/api/return-visits/export").status());
    // super1 sees the sample and scores it on the form; the member who worked it reads it as their own.
    JsonObject sample = api.get("super1", "/api/qa/samples?size=200").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(x -> x.getString("ticketNumber").equals(number)).findFirst().orElseThrow();
    String samples = new String(api.download("super1", "/api/qa/samples/export?format=csv&lang=en").body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(samples.lines().anyMatch(l -> l.startsWith(number + ",") && l.contains(",Unsatisfied return visit,")), samples);
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'QA_SAMPLES_EXPORTED' AND ACTOR_LOGIN = 'super1'"));
    assertEquals(403, api.get("agent1", "/api/qa/samples/export").status());
    assertEquals(5, api.get("super1", "/api/qa/forms/1").json().getJsonArray("criteria").size());
    assertProblem(api.post("super1", "/api/qa/scores", "{\"formId\":1,\"sampleId\":" + sample.getJsonNumber("id") + ",\"points\":{\"1\":80}}"), 400, "criteria-mismatch");
    assertProblem(api.post("agent1", "/api/qa/scores", "{\"formId\":1,\"ticketNumber\":\"" + number + "\",\"points\":{\"1\":80}}"), 403, "forbidden");
    Api.Reply scored = api.post("super1", "/api/qa/scores",
        "{\"formId\":1,\"sampleId\":" + sample.getJsonNumber("id") + ",\"points\":{\"1\":80,\"2\":60,\"3\":100,\"4\":40,\"5\":0},\"comment\":\"退费时效需改进\"}");
    assertEquals(200, scored.status(), scored.body());
    assertEquals("63.00", scored.json().getJsonNumber("total").bigDecimalValue().setScale(2).toPlainString());
    assertTrue(api.get(member, "/api/qa/scores/mine").body().contains("退费时效需改进"));
    assertFalse(api.get("super1", "/api/qa/samples?size=200").body().contains(number), "a scored sample leaves the queue");
  }

  /** Forms are data: an administrator adds one, supervisors score on it, a revision retires it and its scores stay. */
  @Test
  void anAdministratorAddsAQaFormSupervisorsScoreOnItAndARevisionRetiresIt() throws Exception {
    Api api = new Api(base);
    String code = "IT-QA-" + System.currentTimeMillis() % 100000;
    String form = "{\"code\":\"" + code + "\",\"name\":\"电话服务质检\",\"nameEn\":\"Phone service\",\"criteria\":["
        + "{\"name\":\"开场白\",\"nameEn\":\"Greeting\",\"weight\":1},{\"name\":\"解决问题\",\"nameEn\":\"Resolution\",\"weight\":3}]}";
    assertProblem(api.post("super1", "/api/qa/forms", form), 403, "forbidden");
    assertProblem(api.post("admin1", "/api/qa/forms", form.replace("\"weight\":3", "\"weight\":0")), 400, "invalid-weight");
    assertProblem(api.post("admin1", "/api/qa/forms", form.replace(code, "x y")), 400, "invalid-code");
    Api.Reply created = api.post("admin1", "/api/qa/forms", form);
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertProblem(api.post("admin1", "/api/qa/forms", form), 409, "code-taken");
    var criteria = created.json().getJsonArray("criteria").getValuesAs(JsonObject.class);
    assertEquals(List.of("开场白", "解决问题"), criteria.stream().map(c -> c.getString("name")).toList());

    String number = logged(api, Fixtures.complaint(Fixtures.customerOf("staff1"), "质检表测试"));
    String member = Db.scalar("SELECT S.LOGIN FROM STAFF S JOIN TEAM T ON T.ID = S.TEAM_ID WHERE T.NAME = '投诉处理组' ORDER BY S.LOGIN FETCH FIRST 1 ROWS ONLY");
    api.post(member, "/api/tickets/" + number + "/actions/accept", "{}");
    String points = "{\"" + criteria.get(0).getJsonNumber("id") + "\":100,\"" + criteria.get(1).getJsonNumber("id") + "\":60}";
    Api.Reply scored = api.post("super1", "/api/qa/scores", "{\"formId\":" + id + ",\"ticketNumber\":\"" + number + "\",\"points\":" + points + "}");
    assertEquals(200, scored.status(), scored.body());
    assertEquals("70.00", scored.json().getJsonNumber("total").bigDecimalValue().setScale(2).toPlainString(), "(1×100 + 3×60) / 4");

    Api.Reply revised = api.post("admin1", "/api/qa/forms", form.replace(code, code + "R").replace("}]}", "}],\"replaces\":" + id + "}"));
    assertEquals(201, revised.status(), revised.body());
    var all = api.get("super1", "/api/qa/forms").parse().asJsonArray().getValuesAs(JsonObject.class);
    assertTrue(all.stream().anyMatch(f -> f.getString("code").equals(code) && !f.getBoolean("active")), "the revised form is retired");
    assertEquals(404, api.get("super1", "/api/qa/forms/" + id).status());
    assertEquals(404, api.post("super1", "/api/qa/scores", "{\"formId\":" + id + ",\"ticketNumber\":\"" + number + "\",\"points\":" + points + "}").status(),
        "no new scores on a retired form");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM QA_SCORE WHERE FORM_ID = ?", id), "its scores stay");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'QA_FORM_DEACTIVATED' AND TARGET_ID = ?", String.valueOf(id)));
    // Out of use again, so that the quality page of other tests keeps scoring on the demo form.
    assertEquals(204, api.put("admin1", "/api/qa/forms/" + revised.json().getJsonNumber("id") + "/active", "{\"active\":false}").status());
  }

  @Test
  void theRegisterAndRelatedTicketsKeepToTheCallersBranchSubtree() throws Exception {
    Api api = new Api(base);
    String mine = logged(api, Fixtures.complaint(Fixtures.customerOf("staff1"), "范围测试：陆家嘴"));
    String theirs = logged(api, Fixtures.complaint(Fixtures.customerOf("staff2"), "范围测试：朝阳"), "staff2");

    String staff1Path = Db.scalar("SELECT B.PATH FROM STAFF S JOIN BRANCH B ON B.ID = S.BRANCH_ID WHERE S.LOGIN = 'staff1'");
    JsonObject page = api.get("staff1", "/api/complaints?size=200").json();
    assertTrue(page.getJsonNumber("total").longValue() >= 1);
    page.getJsonArray("items").getValuesAs(JsonObject.class)
        .forEach(c -> assertTrue(c.getJsonObject("owningBranch").getString("path").startsWith(staff1Path), c.toString()));
    assertTrue(page.toString().contains(mine));
    assertFalse(page.toString().contains(theirs));
    assertProblem(api.get("staff1", "/api/complaints/" + theirs), 404, "not-found");
    String otherBranch = Db.scalar("SELECT OWNING_BRANCH_ID FROM TICKET WHERE TICKET_NO = ?", theirs);
    assertProblem(api.get("staff1", "/api/complaints?branch=" + otherBranch), 400, "branch-out-of-scope");
    assertTrue(api.get("hq1", "/api/complaints/" + theirs).status() == 200);
    assertTrue(api.get("hq1", "/api/complaints?branch=" + otherBranch + "&size=200").body().contains(theirs));
    assertProblem(api.get("agent1", "/api/complaints"), 403, "forbidden");
    JsonObject filtered = api.get("hq1", "/api/complaints?severity=MAJOR&taxonomy=20&overdue=false&size=5").json();
    filtered.getJsonArray("items").getValuesAs(JsonObject.class).forEach(c -> {
      assertEquals("MAJOR", c.getString("severity"));
      assertFalse(c.getBoolean("overdue"));
    });
    assertProblem(api.get("hq1", "/api/complaints?overdue=maybe"), 400, "invalid-boolean");

    long customer = Fixtures.customerOf("staff1");
    String related = api.get("staff1", "/api/customers/" + customer + "/related-tickets?category=32&days=30").body();
    assertTrue(related.contains(mine), related);
    assertFalse(api.get("staff1", "/api/customers/" + customer + "/related-tickets?category=2&days=30").body().contains(mine));
    assertProblem(api.get("staff1", "/api/customers/" + Fixtures.customerOf("staff2") + "/related-tickets"), 404, "not-found");
    assertProblem(api.get("staff1", "/api/customers/" + customer + "/related-tickets?days=0"), 400, "invalid-parameter");
  }

  /** The register exported (导出) as each reader sees it: their subtree and filter, labels in their language, audited. */
  @Test
  void theRegisterExportsAsTheReaderSeesIt() throws Exception {
    Api api = new Api(base);
    String mine = logged(api, Fixtures.complaint(Fixtures.customerOf("staff1"), "导出测试：陆家嘴"));
    int audited = Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'COMPLAINTS_EXPORTED'"));
    long seen = api.get("staff1", "/api/complaints?size=1").json().getJsonNumber("total").longValue();
    HttpResponse<byte[]> csv = api.download("staff1", "/api/complaints/export?format=csv");
    assertEquals(200, csv.statusCode(), new String(csv.body(), StandardCharsets.UTF_8));
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(0).startsWith("\uFEFF工单号,投诉分类,严重程度,"), lines.get(0));
    assertEquals(seen + 1, lines.size(), "a header and a line per complaint staff1 sees");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(mine + ",") && l.contains(",较重,") && l.contains("300.00 CNY")), String.join("\n", lines));

    HttpResponse<byte[]> major = api.download("hq1", "/api/complaints/export?format=csv&lang=en&severity=MAJOR");
    List<String> majorLines = new String(major.body(), StandardCharsets.UTF_8).lines().toList();
    assertTrue(majorLines.get(0).contains("Ticket no.") && majorLines.stream().skip(1).allMatch(l -> l.contains(",Major,")), String.join("\n", majorLines));
    assertEquals(api.get("hq1", "/api/complaints?size=1&severity=MAJOR").json().getJsonNumber("total").longValue() + 1, majorLines.size());
    assertEquals(200, api.download("staff1", "/api/complaints/export").statusCode(), "XLSX by default");
    assertEquals(String.valueOf(audited + 3), Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'COMPLAINTS_EXPORTED'"));
    assertProblem(api.get("agent1", "/api/complaints/export"), 403, "forbidden");
    assertProblem(api.get("hq1", "/api/complaints/export?format=doc"), 400, "invalid-parameter");
  }

  private static String logged(Api api, String json) throws Exception {
    return logged(api, json, "staff1");
  }

  private static String logged(Api api, String json, String user) throws Exception {
    Api.Reply created = api.post(user, "/api/tickets", json);
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    long deadline = System.currentTimeMillis() + 15_000;
    while (!"DISPATCHED".equals(api.get(user, "/api/tickets/" + number).json().getString("status"))) {
      assertTrue(System.currentTimeMillis() < deadline, number + " not dispatched");
      Thread.sleep(100);
    }
    return number;
  }

}
