package org.centralis.reporting.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * agent30 goes Ready, Not ready (培训), Ready, takes an ENGLISH contact through the CTI API and ends it: every change is
 * one contiguous ACD_AGENT_STATE_LOG row, the rolled-up interval milliseconds equal the log's durations, and today's
 * agent-performance report shows agent30's figures as SQL over the aggregates computes them, the same in PDF and XLSX,
 * with Chinese labels; a supervisor of the Shanghai branch does not see agent30 (an agent at headquarters).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentPerformanceReportIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String AGENT = "agent30";

  private enum S { READY, RESERVED, BUSY, WRAP_UP, NOT_READY }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @Test
  void stateLogAggregatesAndReportAgree() throws Exception {
    Api api = new Api(base);
    long staffId = Long.parseLong(Db.scalar("SELECT ID FROM STAFF WHERE LOGIN = ?", AGENT));
    for (String other : List.of("agent5", "agent10", "agent15", "agent20", "agent25")) { // the other ENGLISH agents
      state(api, other, "LOGGED_OUT", null);
    }
    state(api, AGENT, "LOGGED_OUT", null);
    awaitRolled(staffId);
    Map<S, Long> before = aggregateMillis(staffId);
    Instant start = Instant.now();

    state(api, AGENT, "READY", null);
    Thread.sleep(1_200);
    state(api, AGENT, "NOT_READY", "TRAINING");
    Thread.sleep(2_300);
    state(api, AGENT, "READY", null);
    String contact = "IT-AP-" + start.toEpochMilli();
    assertEquals(202, api.post("cti", "/api/acd/contacts",
        "{\"externalId\":\"" + contact + "\",\"channel\":\"VOICE\",\"queue\":\"ENGLISH\",\"callerNumber\":\"+4420700099\"}").status());
    JsonObject seat = awaitOffer(api, AGENT);
    long offerId = seat.getJsonNumber("offerId").longValue();
    String offered = seat.getString("contactExternalId"); // ours, or one an earlier test left waiting in ENGLISH
    Api.Reply accepted = api.post(AGENT, "/api/acd/offers/" + offerId + "/accept", "");
    assertEquals("BUSY", accepted.json().getString("state"), accepted.body());
    Thread.sleep(1_100);
    assertEquals(200, api.post("cti", "/api/acd/contacts/" + offered + "/answered", "").status());
    assertEquals("ENDED", api.post("cti", "/api/acd/contacts/" + offered + "/ended", "").json().getString("state"));
    assertEquals("WRAP_UP", api.get(AGENT, "/api/acd/agents/" + AGENT).json().getString("state"));
    Thread.sleep(600);
    state(api, AGENT, "WRAP_UP_END", null);
    Thread.sleep(300);
    state(api, AGENT, "LOGGED_OUT", null);
    awaitRolled(staffId);

    // The log: contiguous, in the order the agent went through, the not-ready row with its reason.
    List<Object[]> rows = logSince(staffId, start);
    List<String> states = rows.stream().map(r -> (String) r[0] + (r[1] == null ? "" : "/" + r[1])).toList();
    assertEquals(List.of("READY", "NOT_READY/TRAINING", "READY", "RESERVED", "BUSY", "WRAP_UP", "READY", "LOGGED_OUT"), states.subList(states.size() - 8, states.size()),
        states.toString());
    for (int i = 0; i + 1 < rows.size(); i++) {
      assertEquals(rows.get(i)[3], rows.get(i + 1)[2], "row " + i + " ends where the next starts: " + states);
    }
    assertEquals(null, rows.get(rows.size() - 1)[3], "the current state is open");

    // The aggregates grew by exactly the durations of the rows closed since the start.
    Map<S, Long> logged = new EnumMap<>(S.class);
    for (Object[] r : closedSince(staffId, start)) {
      if (!"LOGGED_OUT".equals(r[0])) {
        logged.merge(S.valueOf((String) r[0]), Duration.between((Instant) r[2], (Instant) r[3]).toMillis(), Long::sum);
      }
    }
    Map<S, Long> after = aggregateMillis(staffId);
    for (S s : S.values()) {
      assertEquals(logged.getOrDefault(s, 0L), after.getOrDefault(s, 0L) - before.getOrDefault(s, 0L), s + " millis: " + logged + " vs " + after + " − " + before);
    }
    assertTrue(logged.getOrDefault(S.NOT_READY, 0L) >= 2_000, logged.toString());

    // The report for today, as PDF and as XLSX.
    LocalDate today = LocalDate.now(CHINA);
    String body = "{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"format\":\"%s\"}";
    JsonObject pdfRun = run(api, "hq1", body.formatted("PDF"));
    String text = pdfText(download("hq1", pdfRun));
    assertTrue(text.contains("坐席绩效报表") && text.contains("合计") && text.contains("未就绪时长（按原因）"), text);
    Instant asOf = Instant.parse(pdfRun.getString("dataAsOf"));
    String label = Db.scalar("SELECT FULL_NAME FROM STAFF WHERE ID = ?", staffId) + " (" + AGENT + ")";
    String expected = expectedRow(staffId, label, today, asOf);
    List<String> lines = text.lines().map(l -> l.trim().replaceAll("\\s+", " ")).filter(l -> l.startsWith(label + " ")).toList();
    assertEquals(2, lines.size(), "the agent's row and its not-ready-by-reason row\n" + text);
    assertEquals(expected, lines.get(0), "the agent's figures as SQL over the aggregates computes them");
    String training = hms(sum("SELECT COALESCE(SUM(MILLIS), 0) FROM ACD_AGENT_INTERVAL_STAT WHERE STAFF_ID = ? AND STATE = 'NOT_READY' AND REASON_CODE = 'TRAINING'"
        + " AND INTERVAL_START >= ? AND INTERVAL_START < ?", staffId, today));
    String notReady = hms(sum("SELECT COALESCE(SUM(MILLIS), 0) FROM ACD_AGENT_INTERVAL_STAT WHERE STAFF_ID = ? AND STATE = 'NOT_READY'"
        + " AND INTERVAL_START >= ? AND INTERVAL_START < ?", staffId, today));
    List<String> reasonCells = List.of(lines.get(1).substring(label.length()).trim().split(" "));
    assertTrue(reasonCells.contains(training), "time not ready for training " + training + ": " + lines.get(1));
    assertEquals(notReady, reasonCells.get(reasonCells.size() - 1), lines.get(1));

    JsonObject xlsxRun = run(api, "hq1", body.formatted("XLSX"));
    assertEquals(expected, xlsxRow(download("hq1", xlsxRun), label), "the XLSX has the PDF's figures");

    // A supervisor of the Shanghai branch sees only that subtree: not agent30.
    ensureShanghaiSupervisor();
    String shanghai = pdfText(download("mgr-sh", run(api, "mgr-sh", body.formatted("PDF"))));
    assertTrue(shanghai.contains("坐席绩效报表"), shanghai);
    assertFalse(shanghai.contains("(" + AGENT + ")"), shanghai);
  }

  /** The agent's table row as the template prints it, from SQL over the aggregates (and QA / return visits). */
  private static String expectedRow(long staffId, String label, LocalDate day, Instant asOf) throws Exception {
    Map<S, Long> ms = new EnumMap<>(S.class);
    try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT STATE, SUM(MILLIS) FROM ACD_AGENT_INTERVAL_STAT WHERE STAFF_ID = ? AND INTERVAL_START >= ? AND INTERVAL_START < ? AND INTERVAL_START <= ? GROUP BY STATE")) {
      bind(s, staffId, day);
      s.setObject(4, asOf.atOffset(ZoneOffset.UTC));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          if (!r.getString(1).equals("LOGGED_OUT")) {
            ms.put(S.valueOf(r.getString(1)), r.getLong(2));
          }
        }
      }
    }
    long handled = sum("SELECT COALESCE(SUM(HANDLED), 0) FROM ACD_AGENT_CONTACT_STAT WHERE STAFF_ID = ? AND INTERVAL_START >= ? AND INTERVAL_START < ?", staffId, day);
    long talk = sum("SELECT COALESCE(SUM(TALK_SECONDS), 0) FROM ACD_AGENT_CONTACT_STAT WHERE STAFF_ID = ? AND INTERVAL_START >= ? AND INTERVAL_START < ?", staffId, day);
    long ready = ms.getOrDefault(S.READY, 0L);
    long reserved = ms.getOrDefault(S.RESERVED, 0L);
    long busy = ms.getOrDefault(S.BUSY, 0L);
    long wrap = ms.getOrDefault(S.WRAP_UP, 0L);
    long notReady = ms.getOrDefault(S.NOT_READY, 0L);
    long staffed = ready + reserved + busy + wrap;
    List<String> cells = new ArrayList<>(List.of(label, Db.scalar("SELECT B.NAME FROM BRANCH B JOIN STAFF S ON S.BRANCH_ID = B.ID WHERE S.ID = ?", staffId),
        new DecimalFormat("#,##0").format(handled)));
    if (handled > 0) {
      cells.add(hms((talk * 1000 + wrap) / handled));
    }
    if (staffed > 0) {
      cells.add(new DecimalFormat("0.0%").format((busy + wrap) / (double) staffed));
    }
    cells.addAll(List.of(hms(staffed + notReady), hms(ready), hms(reserved), hms(busy), hms(wrap), hms(notReady)));
    String from = day.atStartOfDay(CHINA).toOffsetDateTime().toString();
    String quality = Db.scalar("SELECT AVG(TOTAL) FROM QA_SCORE WHERE AGENT_STAFF_ID = ? AND SCORED_AT >= ? AND SCORED_AT < ?",
        staffId, OffsetDateTime.parse(from), OffsetDateTime.parse(from).plusDays(1));
    if (quality != null) {
      cells.add(new DecimalFormat("0.0").format(Double.parseDouble(quality)));
    }
    String csat = Db.scalar("SELECT AVG(CAST(V.CSAT AS DOUBLE PRECISION)) FROM RETURN_VISIT V JOIN TICKET T ON T.ID = V.TICKET_ID WHERE T.CREATED_BY_ID = ?"
        + " AND V.STATUS = 'COMPLETED' AND V.CSAT IS NOT NULL AND V.COMPLETED_AT >= ? AND V.COMPLETED_AT < ?",
        staffId, OffsetDateTime.parse(from), OffsetDateTime.parse(from).plusDays(1));
    if (csat != null) {
      cells.add(new DecimalFormat("0.00").format(Double.parseDouble(csat)));
    }
    return String.join(" ", cells);
  }

  static String hms(long millis) {
    return String.format("%d:%02d:%02d", millis / 3_600_000L, millis / 60_000L % 60, millis / 1000L % 60);
  }

  private static void bind(PreparedStatement s, long staffId, LocalDate day) throws Exception {
    s.setLong(1, staffId);
    s.setObject(2, day.atStartOfDay(CHINA).toOffsetDateTime());
    s.setObject(3, day.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
  }

  private static long sum(String sql, long staffId, LocalDate day) throws Exception {
    try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, staffId, day);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static Map<S, Long> aggregateMillis(long staffId) throws Exception {
    Map<S, Long> millis = new HashMap<>();
    try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT STATE, SUM(MILLIS) FROM ACD_AGENT_INTERVAL_STAT WHERE STAFF_ID = ? AND STATE <> 'LOGGED_OUT' GROUP BY STATE")) {
      s.setLong(1, staffId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          millis.put(S.valueOf(r.getString(1)), r.getLong(2));
        }
      }
    }
    return new EnumMap<>(millis.isEmpty() ? Map.of(S.READY, 0L) : millis);
  }

  /** Log rows started at or after {@code since}, plus the one open then: (state, reason, started, ended). */
  private static List<Object[]> logSince(long staffId, Instant since) throws Exception {
    return log("SELECT STATE, REASON_CODE, STARTED_AT, ENDED_AT FROM ACD_AGENT_STATE_LOG WHERE STAFF_ID = ? AND (ENDED_AT IS NULL OR ENDED_AT >= ?)"
        + " ORDER BY STARTED_AT, ID", staffId, since);
  }

  /** Log rows closed at or after {@code since} (their facts were recorded during the test). */
  private static List<Object[]> closedSince(long staffId, Instant since) throws Exception {
    return log("SELECT STATE, REASON_CODE, STARTED_AT, ENDED_AT FROM ACD_AGENT_STATE_LOG WHERE STAFF_ID = ? AND ENDED_AT >= ? ORDER BY STARTED_AT, ID", staffId, since);
  }

  private static List<Object[]> log(String sql, long staffId, Instant since) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = Db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, staffId);
      s.setObject(2, since.atOffset(ZoneOffset.UTC));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          OffsetDateTime ended = r.getObject(4, OffsetDateTime.class);
          rows.add(new Object[] {r.getString(1), r.getString(2), r.getObject(3, OffsetDateTime.class).toInstant(), ended == null ? null : ended.toInstant()});
        }
      }
    }
    return rows;
  }

  /** Waits (20 s at most) until no fact of the agent is pending: AGENT_STATE of its log rows, CONTACT of its contacts. */
  private static void awaitRolled(long staffId) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (Db.scalar("SELECT COUNT(*) FROM REPORT_FACT_PENDING F JOIN ACD_AGENT_STATE_LOG L ON L.ID = F.REF_ID"
              + " WHERE F.FACT = 'AGENT_STATE' AND L.STAFF_ID = ?", staffId).equals("0")
          && Db.scalar("SELECT COUNT(*) FROM REPORT_FACT_PENDING F JOIN ACD_INTERACTION I ON I.ID = F.REF_ID"
              + " WHERE F.FACT = 'CONTACT' AND I.AGENT_ID = ?", staffId).equals("0")) {
        return;
      }
      Thread.sleep(200);
    }
    fail("the facts of " + AGENT + " were not rolled up within 20 s");
  }

  private static void state(Api api, String login, String state, String reason) {
    Api.Reply r = api.post("cti", "/api/acd/agents/" + login + "/state",
        "{\"state\":\"" + state + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    assertEquals(200, r.status(), r.body());
  }

  /** Polls the agent's seat until an offer reached it (30 s at most: a loaded CI machine routes slowly). */
  private static JsonObject awaitOffer(Api api, String agent) throws InterruptedException {
    JsonObject seat = null;
    for (int i = 0; i < 300; i++) {
      seat = api.get(agent, "/api/acd/agents/" + agent).json();
      if (seat.containsKey("offerId") && !seat.isNull("offerId")) {
        return seat;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(agent + " was never offered the contact: " + seat);
  }

  private JsonObject run(Api api, String user, String body) throws InterruptedException {
    Api.Reply started = api.post(user, "/api/reports/agent-performance/runs", body);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    for (int i = 0; i < 600; i++) {
      JsonObject run = api.get(user, "/api/reports/runs/" + id).json();
      if (run.getString("status").equals("DONE")) {
        return run;
      }
      assertFalse(run.getString("status").equals("FAILED"), run.toString());
      Thread.sleep(250);
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  private byte[] download(String user, JsonObject run) {
    HttpResponse<byte[]> file = new Api(base).download(user, "/api/reports/runs/" + run.getJsonNumber("id").longValue() + "/file");
    assertEquals(200, file.statusCode());
    return file.body();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = PDDocument.load(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The first row whose first cell is {@code label}, its non-empty cells as displayed, joined by spaces. */
  private static String xlsxRow(byte[] xlsx, String label) throws Exception {
    DataFormatter format = new DataFormatter();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          List<String> cells = new ArrayList<>();
          for (Cell cell : row) {
            String v = format.formatCellValue(cell).trim();
            if (!v.isEmpty()) {
              cells.add(v);
            }
          }
          if (!cells.isEmpty() && cells.get(0).equals(label)) {
            return String.join(" ", cells);
          }
        }
      }
    }
    throw new AssertionError(label + " not in the XLSX");
  }

  private static void ensureShanghaiSupervisor() throws Exception {
    if (Db.scalar("SELECT COUNT(*) FROM STAFF WHERE LOGIN = 'mgr-sh'").equals("0")) { // as ReportSchedulesIT makes it
      Db.update(
          "INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, EMAIL, LOCALE, PASSWORD_HASH, ACTIVE, FAILED_LOGINS, CREATED_AT, VERSION)"
              + " SELECT STAFF_SEQ.NEXTVAL, 'mgr-sh', '上海分行经理', B.ID, 'mgr-sh@bank.example', 'zh_CN', S.PASSWORD_HASH, 1, 0, CURRENT_TIMESTAMP, 0"
              + " FROM STAFF S, BRANCH B WHERE S.LOGIN = 'super1' AND B.CODE = 'BR-SH'");
      Db.update("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) SELECT ID, 'SUPERVISOR' FROM STAFF WHERE LOGIN = 'mgr-sh'");
    }
  }

  // ---- moved from ContactCenterReportIT: Contacts driven through the CTI API (one answered and ended, one abandoned) reach the contact-center daily report once the roll-up has folded their facts: the PDF's totals for the queue equal SQL over ACD_INTERVAL_STAT for today, the XLSX carries the same figures, the text is Chinese; a bad queue and a scope without seats are problem+json.

  /** COMPLAINT needs skill COMPLAINT ≥ 6: agent4, 8, …, 28 (AcdDemoData); agent4 takes the call, the others sign out. */
  private static final String QUEUE = "COMPLAINT";



  @Test
  void reportTotalsAgreeWithTheAggregatesAfterLiveContacts() throws Exception {
    Api api = new Api(base);
    for (int n = 8; n <= 28; n += 4) {
      state(api, "agent" + n, "LOGGED_OUT");
    }
    state(api, "agent4", "READY");
    String run = Long.toString(System.currentTimeMillis(), 36);
    String answered = "IT-CCR-" + run + "-A";
    String abandoned = "IT-CCR-" + run + "-B";

    assertEquals(202, api.post("cti", "/api/acd/contacts", contact(answered)).status());
    JsonObject seat = awaitOffer(api, "agent4");
    Api.Reply accepted = api.post("agent4", "/api/acd/offers/" + seat.getJsonNumber("offerId").longValue() + "/accept", "");
    assertEquals(200, accepted.status(), accepted.body());
    Thread.sleep(1100); // a talk time of at least a second
    Api.Reply ended = api.post("cti", "/api/acd/contacts/" + answered + "/ended", "");
    assertEquals("ENDED", ended.json().getString("state"), ended.body());
    // agent4 is in wrap-up now: the second caller waits and hangs up
    assertEquals(202, api.post("cti", "/api/acd/contacts", contact(abandoned)).status());
    Api.Reply gone = api.post("cti", "/api/acd/contacts/" + abandoned + "/abandoned", "");
    assertEquals("ABANDONED", gone.json().getString("state"), gone.body());
    state(api, "agent4", "LOGGED_OUT");

    String queueId = Db.scalar("SELECT ID FROM ACD_QUEUE WHERE CODE = ?", QUEUE);
    awaitRolled(queueId);
    assertEquals("2", Db.scalar("SELECT COUNT(*) FROM ACD_INTERACTION WHERE EXTERNAL_ID IN (?, ?) AND STATE IN ('ENDED', 'ABANDONED')", answered, abandoned));

    LocalDate today = LocalDate.now(CHINA);
    String body = "{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"queue\":\"" + QUEUE + "\",\"format\":\"%s\"}";
    JsonObject pdfRun = runReport(api, body.formatted("PDF"));
    JsonObject xlsxRun = runReport(api, body.formatted("XLSX"));

    String text;
    try (PDDocument pdf = PDDocument.load(download(pdfRun))) {
      text = new PDFTextStripper().getText(pdf);
    }
    assertTrue(text.contains("呼叫中心日报") && text.contains("服务水平") && text.contains("投诉专线"), text);
    Matcher total = Pattern.compile("合计\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)").matcher(text);
    assertTrue(total.find(), text);
    List<Long> pdfTotals = List.of(number(total.group(1)), number(total.group(2)), number(total.group(3)));

    Instant asOf = Instant.parse(pdfRun.getString("dataAsOf"));
    String[] sums = {"OFFERED", "ANSWERED", "ABANDONED"};
    List<Long> sqlTotals = new ArrayList<>();
    for (String column : sums) {
      sqlTotals.add(number(Db.scalar("SELECT COALESCE(SUM(" + column + "), 0) FROM ACD_INTERVAL_STAT WHERE QUEUE_ID = ?"
          + " AND INTERVAL_START >= ? AND INTERVAL_START < ? AND INTERVAL_START <= ?", Long.parseLong(queueId),
          today.atStartOfDay(CHINA).toOffsetDateTime(), today.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime(), asOf.atOffset(ZoneOffset.UTC))));
    }
    assertEquals(sqlTotals, pdfTotals, "offered, answered, abandoned of " + QUEUE + " today\n" + text);
    assertTrue(pdfTotals.get(0) >= 2 && pdfTotals.get(1) >= 1 && pdfTotals.get(2) >= 1, "this test's two contacts count\n" + text);

    List<Double> xlsxTotals = numbersAfter(download(xlsxRun), "合计");
    assertTrue(xlsxTotals.size() >= 3, String.valueOf(xlsxTotals));
    assertEquals(pdfTotals, xlsxTotals.subList(0, 3).stream().map(Double::longValue).toList(), "the XLSX has the PDF's figures");
  }

  @Test
  void aBadQueueAndAScopeWithoutSeatsAreRefused() throws Exception {
    Api api = new Api(base);
    assertProblem(api.post("hq1", "/api/reports/contact-center-daily/runs", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-01\",\"queue\":\"NO-SUCH\"}"),
        400, "invalid-parameter");
    String region = Db.scalar("SELECT ID FROM BRANCH WHERE CODE = 'R-EAST'");
    Api.Reply refused = api.post("hq1", "/api/reports/contact-center-daily/runs", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-01\",\"branch\":" + region + "}");
    assertProblem(refused, 400, "no-contact-center");
    assertTrue(refused.body().contains("branch"), refused.body());
  }

  private static String contact(String externalId) {
    return "{\"externalId\":\"" + externalId + "\",\"channel\":\"VOICE\",\"queue\":\"" + QUEUE + "\",\"callerNumber\":\"13900139000\"}";
  }

  private static void state(Api api, String login, String state) {
    Api.Reply r = api.post("cti", "/api/acd/agents/" + login + "/state", "{\"state\":\"" + state + "\"}");
    assertEquals(200, r.status(), r.body());
  }

  /** Waits (60 s at most) until no contact fact of the queue is pending: the aggregates hold every outcome so far. */
  private static void awaitRolled(String queueId) throws Exception {
    String pending = "SELECT COUNT(*) FROM REPORT_FACT_PENDING p JOIN ACD_INTERACTION i ON i.ID = p.REF_ID WHERE p.FACT = 'CONTACT' AND i.QUEUE_ID = ?";
    for (int i = 0; i < 240; i++) {
      if ("0".equals(Db.scalar(pending, Long.parseLong(queueId)))) {
        return;
      }
      Thread.sleep(250);
    }
    fail("contact facts of queue " + queueId + " still pending after 60 s");
  }

  private JsonObject runReport(Api api, String body) throws InterruptedException {
    Api.Reply started = api.post("hq1", "/api/reports/contact-center-daily/runs", body);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    for (int i = 0; i < 720; i++) {
      JsonObject run = api.get("hq1", "/api/reports/runs/" + id).json();
      if (run.getString("status").equals("DONE")) {
        return run;
      }
      assertTrue(!run.getString("status").equals("FAILED"), run.toString());
      Thread.sleep(250);
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  private byte[] download(JsonObject run) {
    HttpResponse<byte[]> response = new Api(base).download("hq1", "/api/reports/runs/" + run.getJsonNumber("id").longValue() + "/file");
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", "").trim());
  }

  /** The numeric cells of the first row that has a text cell {@code label}, after it, in column order. */
  private static List<Double> numbersAfter(byte[] xlsx, String label) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (var sheet : book) {
        for (Row r : sheet) {
          List<Double> numbers = new ArrayList<>();
          boolean found = false;
          for (Cell c : r) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().trim().equals(label)) {
              found = true;
            } else if (found && c.getCellType() == CellType.NUMERIC) {
              numbers.add(c.getNumericCellValue());
            }
          }
          if (found) {
            return numbers;
          }
        }
      }
    }
    return List.of();
  }
}
