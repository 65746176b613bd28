package org.centralis.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.centralis.acd.rest.AcdTraffic;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.centralis.it.Fixtures;
import org.centralis.it.ItRuntime;
import org.centralis.it.SecondNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two application-server nodes on one database and one broker, as in production: every sweeper and router runs on
 * both, and what must happen once happens once. The ACD routes contacts arriving on one node to agents working on the
 * other without a double offer, and every node's event stream carries the other's events; a due report schedule
 * fires once per period, archived and delivered once, its file the same bytes from either node; SLA warnings,
 * breaches and escalation levels fire once each while both nodes sweep the same clocks every second.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesIT {

  private static final long POLICY = 921;
  private static final long CHAIN = 921;
  private static SecondNode second;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  /** Both nodes; the second starts with the first test that needs it and stays up for the others. */
  private List<Api> nodes() throws Exception {
    if (second == null) {
      second = SecondNode.start(base);
    }
    return List.of(new Api(base), new Api(second.base()));
  }

  @AfterAll
  static void stopSecondNode() throws Exception {
    if (second != null) {
      second.close();
      second = null;
    }
  }

  @Test
  void contactsRouteAcrossNodesWithoutDoubleOffersAndEveryNodeStreamsEveryEvent() throws Exception {
    List<Api> nodes = nodes();
    List<String> stream = nodes.get(1).events("cti", "/api/acd/events");
    AcdTraffic.runAndCheck(nodes);

    int offered = count("SELECT COUNT(DISTINCT O.INTERACTION_ID) FROM ACD_OFFER O JOIN ACD_INTERACTION I ON I.ID = O.INTERACTION_ID WHERE I.EXTERNAL_ID LIKE '"
        + AcdTraffic.PREFIX + "%'");
    Pattern id = Pattern.compile("\"(" + AcdTraffic.PREFIX + "\\d+)\"");
    Callable<Set<String>> streamed = () -> stream.stream()
        .filter(l -> l.startsWith("data:") && l.contains("\"CONTACT_OFFERED\""))
        .map(id::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
    await("the second node's stream shows every offer of both nodes", () -> streamed.call().size() >= offered);
    assertEquals(offered, streamed.call().size(), "offered contacts on the second node's stream");
  }

  @Test
  void aDueScheduleFiresOncePerPeriodWithTwoNodesSweeping() throws Exception {
    List<Api> nodes = nodes();
    List<Long> schedules = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Api.Reply created = nodes.get(i % 2).post("hq1", "/api/reports/schedules",
          "{\"name\":\"双节点订阅" + i + "\",\"report\":\"branch-comparison\",\"cron\":\"0 7 1 * *\",\"period\":\"PREVIOUS_MONTH\",\"format\":\"PDF\",\"recipients\":[\"user:hq1\"]}");
      assertEquals(201, created.status(), created.body());
      schedules.add(created.json().getJsonNumber("id").longValue());
    }
    String in = schedules.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    // All due at once, as if the 1st of the month at 07:00 had come while both nodes were up.
    OffsetDateTime due = OffsetDateTime.parse("2026-11-01T07:00:00+08:00");
    Db.update("UPDATE REPORT_SCHEDULE SET NEXT_FIRE_AT = ? WHERE ID IN " + in, due.withOffsetSameInstant(ZoneOffset.UTC));
    await("every schedule fires and is delivered",
        () -> count("SELECT COUNT(*) FROM REPORT_SCHEDULE_FIRING WHERE DELIVERED_AT IS NOT NULL AND SCHEDULE_ID IN " + in) == schedules.size());
    // Due again for the same period (an operator resets them): the period has fired, nothing more happens.
    Db.update("UPDATE REPORT_SCHEDULE SET NEXT_FIRE_AT = ? WHERE ID IN " + in, due.plusMinutes(1).withOffsetSameInstant(ZoneOffset.UTC));
    await("both nodes' sweepers pass again", () -> count("SELECT COUNT(*) FROM REPORT_SCHEDULE WHERE NEXT_FIRE_AT <= CURRENT_TIMESTAMP AND ID IN " + in) == 0);

    for (long schedule : schedules) {
      assertEquals(1, count("SELECT COUNT(*) FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = " + schedule), "firings of schedule " + schedule);
      String run = Db.scalar("SELECT RUN_ID FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ?", schedule);
      assertEquals("DONE", Db.scalar("SELECT STATUS FROM REPORT_RUN WHERE ID = ?", Long.valueOf(run)));
      assertEquals(1, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'REPORT_RUN_SCHEDULED' AND TARGET_ID = '" + run + "'"));
      assertEquals(1, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'REPORT_DELIVERED' AND TARGET_ID = '" + run + "'"));
      assertEquals(1, count("SELECT COUNT(*) FROM REPORT_INBOX_ITEM WHERE RECIPIENT_LOGIN = 'hq1' AND RUN_ID = " + run));
      // The archive is shared: either node returns the same bytes, whose SHA-256 is the one recorded with the run.
      HttpResponse<byte[]> one = nodes.get(0).download("hq1", "/api/reports/runs/" + run + "/file");
      HttpResponse<byte[]> two = nodes.get(1).download("hq1", "/api/reports/runs/" + run + "/file");
      assertEquals(200, one.statusCode());
      assertArrayEquals(one.body(), two.body(), "run " + run + " from both nodes");
      assertEquals(Db.scalar("SELECT FILE_SHA256 FROM REPORT_RUN WHERE ID = ?", Long.valueOf(run)),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(two.body())));
      assertEquals(2, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'REPORT_DOWNLOADED' AND TARGET_ID = '" + run + "'"), "both downloads audited");
    }
    // Counted by subject, not by position: GreenMail lists messages mailbox by mailbox, not in the order they came.
    long mails = Arrays.stream(ItRuntime.mail().getReceivedMessages()).filter(m -> subject(m).contains("双节点订阅")).count();
    assertEquals(schedules.size(), mails, "one e-mail per schedule and period");
  }

  @Test
  void slaStepsFireOnceEachWhileBothNodesSweepTheSameClocks() throws Exception {
    List<Api> nodes = nodes();
    if (Db.scalar("SELECT ID FROM ESCALATION_CHAIN WHERE ID = ?", CHAIN) == null) {
      Db.update("INSERT INTO ESCALATION_CHAIN (ID, CODE, NAME) VALUES (?, 'IT-2NODES', 'IT two nodes')", CHAIN);
      Db.update("INSERT INTO ESCALATION_LEVEL (CHAIN_ID, LEVEL_NO, DELAY_SECONDS, NOTIFY_ROLE, NOTIFY_AT) VALUES (?, 1, 0, 'SUPERVISOR', 'HEADQUARTERS')", CHAIN);
      Db.update("INSERT INTO ESCALATION_LEVEL (CHAIN_ID, LEVEL_NO, DELAY_SECONDS, NOTIFY_ROLE, NOTIFY_AT) VALUES (?, 2, 3, 'HQ_MANAGER', 'HEADQUARTERS')", CHAIN);
      // Complaints of category 33 by phone: first response due 12 s after logging, warnings at 6 s and 9 s.
      Db.update("INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, CHANNEL, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, CALENDAR_CODE, ESCALATION_CHAIN_ID)"
          + " VALUES (?, 'IT two nodes', 33, 'PHONE', 12, 86400, '50,75', '7x24', ?)", POLICY, CHAIN);
    }
    String subject = "双节点时限 " + System.nanoTime();
    String body = Fixtures.complaint(Fixtures.customerOf("staff1"), subject).replace("\"categoryId\":32", "\"categoryId\":33").replace("BRANCH_COUNTER", "PHONE");
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Api.Reply created = nodes.get(i % 2).post("staff1", "/api/tickets", body);
      assertEquals(201, created.status(), created.body());
      tickets.add(created.json().getString("number"));
    }
    String in = tickets.stream().collect(Collectors.joining("','", "('", "')"));
    assertEquals(10, count("SELECT COUNT(*) FROM SLA_CLOCK WHERE METRIC = 'FIRST_RESPONSE' AND POLICY_ID = " + POLICY + " AND TICKET_NO IN " + in));
    // Per clock: the breach and escalation levels 1 and 2, and normally both warnings. A sweep that comes only after
    // the breach is due skips the warnings left (SlaClock.fireDue), which a loaded CI machine can cause.
    await("every clock breaches and reaches escalation level 2",
        () -> count("SELECT COUNT(*) FROM SLA_CLOCK WHERE STATE = 'BREACHED' AND ESCALATION_LEVEL = 2 AND METRIC = 'FIRST_RESPONSE' AND TICKET_NO IN " + in) == 10);
    Thread.sleep(2_500); // a duplicate from either node's next sweep would land now, if one could

    // Each step is one SLA_EVENT row (a unique key), and exactly one audit event beside it, whichever node fired it.
    int warnings = count("SELECT COUNT(*) FROM SLA_EVENT WHERE KIND = 'WARNING' AND TICKET_NO IN " + in);
    assertEquals(10, count("SELECT COUNT(*) FROM SLA_EVENT WHERE KIND = 'BREACH' AND TICKET_NO IN " + in));
    assertEquals(20, count("SELECT COUNT(*) FROM SLA_EVENT WHERE KIND = 'ESCALATION' AND TICKET_NO IN " + in));
    assertEquals(warnings, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_WARNING' AND TARGET_ID IN " + in));
    assertEquals(10, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_BREACH' AND TARGET_ID IN " + in));
    assertEquals(20, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_ESCALATION' AND TARGET_ID IN " + in));
    assertEquals(0, count("SELECT COUNT(*) FROM SLA_EVENT WHERE KIND = 'WARNING' AND SEQ NOT IN (1, 2) AND TICKET_NO IN " + in), "only two thresholds");
    assertEquals(10, count("SELECT COUNT(*) FROM NOTIFICATION N JOIN STAFF S ON S.ID = N.STAFF_ID WHERE S.LOGIN = 'super1' AND N.KIND = 'ESCALATION' AND N.SEQ = 1 AND N.TICKET_NO IN " + in),
        "level 1 told super1 once per ticket");
    assertEquals(10, count("SELECT COUNT(*) FROM NOTIFICATION N JOIN STAFF S ON S.ID = N.STAFF_ID WHERE S.LOGIN = 'hq1' AND N.KIND = 'ESCALATION' AND N.SEQ = 2 AND N.TICKET_NO IN " + in),
        "level 2 told hq1 once per ticket");
  }

  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int count(String sql) throws Exception {
    return Integer.parseInt(Db.scalar(sql));
  }

  private static void await(String what, Callable<Boolean> done) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (done.call()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out: " + what);
  }
}
