package org.centralis.ticket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.centralis.it.Api;
import org.centralis.it.Browser;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.centralis.it.Fixtures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A team member's path in headless Chromium: the HQ complaints team's workload page, "claim
 * next", then start and resolve the claimed ticket from its page (a dialog asks for the note).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamWorkPathIT {


  private Browser session;
  private WebDriver browser;
  private WebDriverWait wait;
  private String base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL deployed;

  @BeforeEach
  void openBrowser(TestInfo info) {
    session = Browser.open(deployed, info);
    browser = session.driver();
    wait = session.await();
    base = session.base();
  }

  @AfterEach
  void closeBrowser() {
    session.close();
  }

  @Test
  void aComplaintsTeamMemberClaimsTheNextTicketAndWorksItToResolution() throws Exception {
    // Something is surely waiting for the team: an outlet's complaint, dispatched to it.
    Api api = new Api(deployed);
    String logged = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "浏览器测试：取单")).json().getString("number");
    long deadline = System.currentTimeMillis() + 15_000;
    while (!"DISPATCHED".equals(api.get("staff1", "/api/tickets/" + logged).json().getString("status")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }

    session.signIn("care3");
    browser.get(base + "/tickets/team.xhtml");
    WebElement team = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("teamName")));
    assertTrue(team.getText().contains("投诉处理组"), team.getText());
    session.screenshot("team-queue");

    browser.findElement(By.id("teamForm:claimNext")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticketNumber")));
    assertTrue(browser.getCurrentUrl().contains("/tickets/view.xhtml"), browser.getCurrentUrl());
    assertEquals("ACCEPTED", browser.findElement(By.id("ticketStatus")).getAttribute("data-status"));
    session.screenshot("claimed");

    // A complaint is resolved only with its root cause (the complaint context's rule); the claimed one may be older than this test.
    Fixtures.recordComplaintResolution(api, "care3", browser.findElement(By.id("ticketNumber")).getText());
    browser.findElement(By.cssSelector(".cz-action-start")).click();
    wait.ignoring(StaleElementReferenceException.class)
        .until(b -> "IN_PROGRESS".equals(b.findElement(By.id("ticketStatus")).getAttribute("data-status")));

    // The team finds it more (or less) urgent than logged: another priority, with a reason, in the timeline.
    wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cz-action-reclassify"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id='ticketForm:priority'] .ui-button:not(.ui-state-active)"))).click();
    browser.findElement(By.id("ticketForm:actionText")).sendKeys("客户称涉及多笔扣款，调整优先级。");
    session.screenshot("reclassify-dialog");
    browser.findElement(By.id("ticketForm:actionSubmit")).click();
    wait.ignoring(StaleElementReferenceException.class).until(b -> b.getPageSource().contains("客户称涉及多笔扣款，调整优先级。"));
    assertTrue(browser.getPageSource().contains("调整分类/优先级"), "the timeline names the change");

    wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cz-action-resolve"))).click();
    WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketForm:actionText")));
    note.sendKeys("已核实并退还重复扣收的费用。");
    session.screenshot("resolve-dialog");
    browser.findElement(By.id("ticketForm:actionSubmit")).click();
    wait.ignoring(StaleElementReferenceException.class)
        .until(b -> "RESOLVED".equals(b.findElement(By.id("ticketStatus")).getAttribute("data-status")));
    assertTrue(browser.getPageSource().contains("已核实并退还重复扣收的费用。"));
    assertTrue(browser.findElements(By.cssSelector(".cz-action-close")).isEmpty(), "the team does not confirm its own resolution");
    session.screenshot("resolved");
  }

  /**
   * 协办 in the browser: the HQ card team working an outlet's request sends part of it down to the Beijing branch's
   * operations team, which finds it on its team page, accepts and completes it; that resolves the request.
   */
  @Test
  void anHqTeamSendsASubTaskThatABranchTeamCompletesFromItsTeamPage(TestInfo info) throws Exception {
    Api api = new Api(deployed);
    String request = "{\"type\":\"BUSINESS_REQUEST\",\"categoryId\":22,\"priority\":\"NORMAL\",\"channel\":\"BRANCH_COUNTER\","
        + "\"subject\":\"浏览器测试：协办\",\"description\":\"临时额度申请，需北京分行核实\",\"customerId\":" + Fixtures.customerOf("staff1") + "}";
    String number = api.post("staff1", "/api/tickets", request).json().getString("number");
    long deadline = System.currentTimeMillis() + 15_000;
    while (!"DISPATCHED".equals(api.get("staff1", "/api/tickets/" + number).json().getString("status")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(200, api.post("cards4", "/api/tickets/" + number + "/actions/accept", "{}").status());
    String beijing = Db.scalar(
        "SELECT T.NAME || ' · ' || B.NAME FROM TEAM T JOIN DEPARTMENT D ON D.ID = T.DEPARTMENT_ID JOIN BRANCH B ON B.ID = D.BRANCH_ID WHERE T.CODE = 'BJ-OPS'");

    session.signIn("cards4");
    browser.get(base + "/tickets/view.xhtml?number=" + number);
    session.click(By.id("ticketForm:sendTask"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketForm:taskText")));
    session.choose("ticketForm:taskTeam", beijing);
    browser.findElement(By.id("ticketForm:taskText")).sendKeys("请核实客户在京工作单位");
    session.screenshot("subtask-dialog");
    browser.findElement(By.id("ticketForm:taskSubmit")).click();
    wait.ignoring(StaleElementReferenceException.class).until(b -> b.findElements(By.cssSelector(".cz-task-status[data-status='DISPATCHED']")).size() == 1);
    assertTrue(browser.getPageSource().contains("发起协办"), "the timeline names the step");
    session.screenshot("subtask-sent");

    try (Browser branch = Browser.open(deployed, info)) {
      branch.signIn("ops-bj1");
      branch.driver().get(base + "/tickets/team.xhtml");
      WebElement tasks = branch.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("teamForm:subTasks")));
      assertTrue(tasks.getText().contains("请核实客户在京工作单位"), tasks.getText());
      branch.screenshot("team-subtasks");
      branch.click(By.linkText(number));
      branch.click(By.cssSelector(".cz-task-accept"));
      branch.click(By.cssSelector(".cz-task-complete"));
      branch.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketForm:taskText"))).sendKeys("已电话核实，单位信息属实");
      branch.driver().findElement(By.id("ticketForm:taskSubmit")).click();
      branch.await().ignoring(StaleElementReferenceException.class)
          .until(b -> "RESOLVED".equals(b.findElement(By.id("ticketStatus")).getAttribute("data-status")));
      assertEquals(1, branch.driver().findElements(By.cssSelector(".cz-task-status[data-status='DONE']")).size());
      branch.screenshot("subtask-done-ticket-resolved");
    }
  }

  /** A team lead ticks two tickets in the list and transfers both to another team in one go. */
  @Test
  void aSupervisorTransfersTwoTicketsInBulkFromTheList() throws Exception {
    Api api = new Api(deployed);
    String tag = "浏览器批量" + System.currentTimeMillis() % 100000;
    List<String> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      numbers.add(api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), tag + "-" + i)).json().getString("number"));
    }
    long deadline = System.currentTimeMillis() + 15_000;
    for (String n : numbers) {
      while (!"DISPATCHED".equals(api.get("staff1", "/api/tickets/" + n).json().getString("status")) && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
    }
    String ops = Db.scalar(
        "SELECT T.NAME || ' · ' || B.NAME FROM TEAM T JOIN DEPARTMENT D ON D.ID = T.DEPARTMENT_ID JOIN BRANCH B ON B.ID = D.BRANCH_ID WHERE T.CODE = 'HQ-OPS-SUPPORT'");

    session.signIn("super1");
    browser.get(base + "/tickets/list.xhtml");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("ticketsForm:filterText"))).sendKeys(tag);
    session.click(By.id("ticketsForm:filterSearch"));
    var redraws = wait.ignoring(StaleElementReferenceException.class);
    redraws.until(b -> b.findElements(By.cssSelector("[id='ticketsForm:tickets_data'] tr[data-rk]")).size() == 2);
    session.click(By.cssSelector("[id='ticketsForm:tickets'] th.ui-selection-column .ui-chkbox-box"));
    session.choose("ticketsForm:bulkTeam", ops);
    browser.findElement(By.id("ticketsForm:bulkText")).sendKeys("投诉组人手不足，临时转运营支持");
    session.screenshot("bulk-transfer");
    session.click(By.id("ticketsForm:bulkApply"));
    redraws.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticketsForm:bulkResult"), "已处理 2 张，0 张未处理"));
    session.screenshot("bulk-done");
    for (String n : numbers) {
      assertEquals("HQ-OPS-SUPPORT", api.get("staff1", "/api/tickets/" + n).json().getJsonObject("assignedTeam").getString("code"));
    }
  }

  /**
   * A supervisor starts the shift on the at-risk list (same rows as the API, nearest deadline first), then follows the
   * bell to the inbox and opens a notification: it goes to the ticket and is read from then on.
   */
  @Test
  void aSupervisorWorksTheAtRiskListAndTheInbox() throws Exception {
    String ticket = Db.scalar("SELECT TICKET_NO FROM TICKET ORDER BY CREATED_AT DESC FETCH FIRST 1 ROWS ONLY");
    String staff = Db.scalar("SELECT ID FROM STAFF WHERE LOGIN = 'super1'");
    Db.update("INSERT INTO NOTIFICATION (ID, STAFF_ID, KIND, TICKET_NO, METRIC, SEQ, DUE_AT, CREATED_AT)"
        + " VALUES (NOTIFICATION_SEQ.NEXTVAL, ?, 'BREACH', ?, 'RESOLUTION', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", Long.valueOf(staff), ticket);
    String notification = Db.scalar("SELECT MAX(ID) FROM NOTIFICATION WHERE STAFF_ID = ? AND TICKET_NO = ?", Long.valueOf(staff), ticket);

    session.signIn("super1");
    browser.get(base + "/tickets/at-risk.xhtml");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("riskForm:riskTable")));
    List<String> due = browser.findElements(By.cssSelector("[id='riskForm:riskTable'] tbody tr td:nth-child(6)")).stream().map(WebElement::getText).toList();
    String counting = Db.scalar("SELECT COUNT(*) FROM SLA_CLOCK WHERE STATE IN ('RUNNING', 'BREACHED') AND STOPPED_AT IS NULL");
    if (Integer.parseInt(counting) > 0) {
      assertTrue(!due.isEmpty() && !due.get(0).isBlank(), "rows while " + counting + " deadlines count");
      assertEquals(due.stream().sorted().toList(), due, "nearest deadline first");
    }
    session.screenshot("at-risk");

    assertTrue(Integer.parseInt(browser.findElement(By.id("inboxUnread")).getText().strip()) >= 1, "the bell counts the unread");
    browser.findElement(By.id("inboxBell")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inboxForm:inbox")));
    session.screenshot("inbox");
    WebElement open = browser.findElements(By.cssSelector("[id='inboxForm:inbox'] a.cz-ticket-link")).stream()
        .filter(a -> a.getText().strip().equals(ticket)).findFirst().orElseThrow();
    open.click();
    wait.until(ExpectedConditions.urlContains("/tickets/view.xhtml"));
    assertTrue(browser.getCurrentUrl().contains(ticket), browser.getCurrentUrl());
    assertTrue(Db.scalar("SELECT READ_AT FROM NOTIFICATION WHERE ID = ?", Long.valueOf(notification)) != null, "opened means read");
  }

  /**
   * An administrator opens a calendar's year view, makes a working Monday a holiday — the day is drafted, the what-if
   * appears — and saves: the date is stored as a holiday and the change audited.
   */
  @Test
  void anAdministratorMakesADayAHolidayOnTheYearView() throws Exception {
    String code = "IT-YEAR";
    new Api(deployed).put("admin1", "/api/calendars/" + code,
        "{\"name\":\"IT year view\",\"timezone\":\"Asia/Shanghai\",\"weeklyHours\":{\"MONDAY\":[{\"from\":\"09:00\",\"to\":\"17:00\"}],"
            + "\"TUESDAY\":[{\"from\":\"09:00\",\"to\":\"17:00\"}]},\"holidays\":{\"recurring\":[],\"dates\":[]}}");
    int audited = Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CALENDAR_CHANGED' AND TARGET_ID = ?", code));
    session.signIn("admin1");
    browser.get(base + "/admin/calendars.xhtml?code=" + code + "&year=2027");
    var redraws = session.await().ignoring(StaleElementReferenceException.class); // update="@form" redraws the grid
    redraws.until(b -> cellOf(b, "2027-03-01").contains("cz-cal-WORKING"));
    redraws.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.cz-cal-day[data-date='2027-03-01']"))).click();
    redraws.until(ExpectedConditions.textToBe(By.id("selectedDay"), "2027-03-01"));
    redraws.until(ExpectedConditions.elementToBeClickable(By.id("calForm:markHoliday"))).click();
    redraws.until(b -> cellOf(b, "2027-03-01").contains("cz-cal-HOLIDAY") && cellOf(b, "2027-03-01").contains("cz-cal-changed"));
    redraws.until(ExpectedConditions.visibilityOfElementLocated(By.id("wiOpen")));
    session.screenshot("calendar-draft");
    redraws.until(ExpectedConditions.elementToBeClickable(By.id("calForm:save"))).click();
    redraws.until(b -> cellOf(b, "2027-03-01").contains("cz-cal-HOLIDAY") && !cellOf(b, "2027-03-01").contains("cz-cal-changed"));
    assertEquals("1", Db.scalar(
        "SELECT COUNT(*) FROM CALENDAR_HOLIDAY_DATE h JOIN BUSINESS_CALENDAR c ON c.ID = h.CALENDAR_ID WHERE c.CODE = ? AND h.HOLIDAY_DATE = DATE '2027-03-01'", code));
    assertEquals(String.valueOf(audited + 1), Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CALENDAR_CHANGED' AND TARGET_ID = ?", code));
    session.screenshot("calendar-saved");

    // Weekly hours typed per weekday (bad text is named, nothing drafted), and a break on one date.
    WebElement wednesday = redraws.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[data-weekday='WEDNESDAY']")));
    wednesday.sendKeys("9点到12点");
    session.click(By.id("calForm:applyWeekly"));
    redraws.until(b -> b.findElement(By.cssSelector(".ui-messages-error, .ui-message-error")).getText().contains("9点到12点"));
    assertTrue(cellOf(browser, "2027-03-03").contains("cz-cal-CLOSED"), "nothing drafted");
    WebElement retyped = redraws.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[data-weekday='WEDNESDAY']")));
    retyped.clear();
    retyped.sendKeys("09:00-12:00, 13:30-17:30");
    session.click(By.id("calForm:applyWeekly"));
    redraws.until(b -> cellOf(b, "2027-03-03").contains("cz-cal-WORKING") && cellOf(b, "2027-03-03").contains("cz-cal-changed"));
    session.click(By.cssSelector("a.cz-cal-day[data-date='2027-03-02']"));
    redraws.until(ExpectedConditions.textToBe(By.id("selectedDay"), "2027-03-02"));
    redraws.until(ExpectedConditions.elementToBeClickable(By.id("calForm:breakFrom"))).sendKeys("14:00");
    browser.findElement(By.id("calForm:breakTo")).sendKeys("15:00");
    session.click(By.id("calForm:addBreak"));
    redraws.until(b -> cellOf(b, "2027-03-02").contains("cz-cal-changed"));
    session.screenshot("calendar-weekly-and-break");
    session.click(By.id("calForm:save"));
    redraws.until(b -> cellOf(b, "2027-03-03").contains("cz-cal-WORKING") && !cellOf(b, "2027-03-03").contains("cz-cal-changed"));
    jakarta.json.JsonObject saved = new Api(deployed).get("admin1", "/api/calendars/" + code).json();
    assertEquals(2, saved.getJsonObject("weeklyHours").getJsonArray("WEDNESDAY").size(), saved.toString());
    assertTrue(saved.getJsonArray("breaks").toString().contains("2027-03-02") && saved.getJsonArray("breaks").toString().contains("14:00"), saved.toString());
  }

  /** The class of the year view's cell for a date ("" while the grid is being redrawn). */
  private static String cellOf(WebDriver b, String date) {
    List<WebElement> links = b.findElements(By.cssSelector("a.cz-cal-day[data-date='" + date + "']"));
    return links.isEmpty() ? "" : links.get(0).findElement(By.xpath("..")).getAttribute("class");
  }

  /**
   * An administrator builds an escalation chain on its page: a new chain, its first level notifying the supervisors at
   * headquarters, a second level an hour later that raises the priority; saved, audited, listed.
   */
  @Test
  void anAdministratorBuildsAnEscalationChain() throws Exception {
    session.signIn("admin1");
    browser.get(base + "/admin/escalation-chains.xhtml");
    var redraws = session.await().ignoring(StaleElementReferenceException.class);
    redraws.until(ExpectedConditions.elementToBeClickable(By.id("chainsForm:create"))).click();
    redraws.until(ExpectedConditions.elementToBeClickable(By.id("chainsForm:code"))).sendKeys("IT-UI-CHAIN");
    browser.findElement(By.id("chainsForm:name")).sendKeys("界面升级链");
    redraws.until(ExpectedConditions.elementToBeClickable(By.id("chainsForm:addLevel"))).click();
    redraws.until(b -> b.findElements(By.cssSelector("[id='chainsForm:levels'] tbody tr")).size() == 2);
    WebElement delay = redraws.until(ExpectedConditions.elementToBeClickable(By.id("chainsForm:levels:1:delay_input")));
    delay.clear();
    delay.sendKeys("60");
    redraws.until(ExpectedConditions.elementToBeClickable(By.id("chainsForm:levels:1:raise")));
    session.chooseContaining("chainsForm:levels:1:raise", "紧急");
    session.screenshot("chain-editor");
    browser.findElement(By.id("chainsForm:save")).click();
    redraws.until(b -> b.findElement(By.id("chainsForm:chains")).getText().contains("IT-UI-CHAIN"));
    String id = Db.scalar("SELECT ID FROM ESCALATION_CHAIN WHERE CODE = 'IT-UI-CHAIN'");
    assertEquals("3600", Db.scalar("SELECT DELAY_SECONDS FROM ESCALATION_LEVEL WHERE CHAIN_ID = ? AND LEVEL_NO = 2", Long.valueOf(id)));
    assertEquals("URGENT", Db.scalar("SELECT RAISE_PRIORITY FROM ESCALATION_LEVEL WHERE CHAIN_ID = ? AND LEVEL_NO = 2", Long.valueOf(id)));
    assertEquals("SUPERVISOR", Db.scalar("SELECT NOTIFY_ROLE FROM ESCALATION_LEVEL WHERE CHAIN_ID = ? AND LEVEL_NO = 1", Long.valueOf(id)));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_CHAIN_CHANGED' AND TARGET_ID = ?", id));
    session.screenshot("chain-saved");
  }
}
