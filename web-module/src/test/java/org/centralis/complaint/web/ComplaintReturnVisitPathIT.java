package org.centralis.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The complaint loop in headless Chromium: branch staff (staff1) logs a complaint with its
 * complaint fields → it is dispatched to the HQ complaints team (投诉处理组, the demo dispatch rule
 * for complaints), whose member accepts it, records root cause and corrective action and resolves
 * it → an agent records the return visit with CSAT 2 → the ticket is REOPENED and flagged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ComplaintReturnVisitPathIT {

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

  /** An administrator writes a QA form as a table of weighted criteria, then takes it out of use again. */
  @Test
  void anAdministratorWritesAQaFormWithWeightedCriteria() throws Exception {
    String code = "IT-QA-UI-" + System.currentTimeMillis() % 100000;
    session.signIn("admin1");
    browser.get(base + "/admin/qa-forms.xhtml");
    session.click(By.id("qaForms:newForm"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("qaForms:code"))).sendKeys(code);
    browser.findElement(By.id("qaForms:name")).sendKeys("网点柜面服务质检");
    browser.findElement(By.id("qaForms:nameEn")).sendKeys("Counter service");
    browser.findElement(By.id("qaForms:rows:0:cname")).sendKeys("服务礼仪");
    browser.findElement(By.id("qaForms:rows:0:cnameEn")).sendKeys("Courtesy");
    session.click(By.id("qaForms:addRow"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("qaForms:rows:1:cname"))).sendKeys("业务准确");
    browser.findElement(By.id("qaForms:rows:1:cnameEn")).sendKeys("Accuracy");
    WebElement weight = browser.findElement(By.id("qaForms:rows:1:weight_input"));
    weight.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "30");
    session.screenshot("qa-form-editor");
    session.click(By.id("qaForms:saveForm"));
    wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.textToBePresentInElementLocated(By.id("qaForms:forms"), code));
    String weights = Db.scalar("SELECT LISTAGG(C.NAME || ':' || C.WEIGHT, ',') WITHIN GROUP (ORDER BY C.SORT_NO) FROM QA_CRITERION C JOIN QA_FORM F ON F.ID = C.FORM_ID"
        + " WHERE F.CODE = ?", code);
    assertEquals("服务礼仪:10.00,业务准确:30.00", weights);
    session.screenshot("qa-form-saved");
    new Api(deployed).put("admin1", "/api/qa/forms/" + Db.scalar("SELECT ID FROM QA_FORM WHERE CODE = ?", code) + "/active", "{\"active\":false}");
  }

  @Test
  void aComplaintIsResolvedWithRootCauseAndAnUnsatisfiedReturnVisitReopensIt() throws Exception {
    Api api = new Api(deployed);
    long customerId = Fixtures.customerOf("staff1");

    // 1. staff1 logs a complaint for the customer found by phone.
    signIn("staff1");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-branch")));
    browser.findElement(By.id("lookupForm:value")).sendKeys(Fixtures.phoneOf(customerId));
    browser.findElement(By.id("lookupForm:search")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("selectedCustomer")));
    session.choose("logForm:type", "投诉");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logForm:complaintTaxonomy")));
    session.choose("logForm:categoryId", "收费争议");
    session.choose("logForm:severity", "较重");
    session.choose("logForm:complaintTaxonomy", "年费争议");
    browser.findElement(By.id("logForm:amount_input")).sendKeys("300");
    browser.findElement(By.id("logForm:subject")).sendKeys("浏览器测试：年费被重复扣收 " + System.currentTimeMillis());
    browser.findElement(By.id("logForm:description")).sendKeys("客户反映信用卡年费被重复扣收，要求退还。");
    session.screenshot("complaint-filled");
    browser.findElement(By.id("logForm:save")).click();
    String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logForm:newTicket"))).getText();
    assertTrue(number.matches("T\\d{8}-\\d{6,}"), number);
    session.screenshot("complaint-logged");

    // 2. Dispatched to the HQ complaints team by the demo rule for complaints.
    JsonObject ticket = awaitStatus(api, number, "DISPATCHED");
    assertEquals("投诉处理组", ticket.getJsonObject("assignedTeam").getString("name"));
    JsonObject complaint = api.get("staff1", "/api/complaints/" + number).json();
    assertEquals("MAJOR", complaint.getString("severity"));
    assertEquals("FEE-ANNUAL", complaint.getJsonObject("taxonomy").getString("code"));

    // 3. A team member accepts it, records the root cause and corrective action, and resolves it.
    signIn("care1");
    openTicket(number);
    session.screenshot("dispatched-to-hq");
    click(".cz-action-accept");
    awaitPageStatus("ACCEPTED");
    session.choose("ticketForm:rootCause", "业务技能不足");
    browser.findElement(By.id("ticketForm:correctiveAction")).sendKeys("退还重复扣收的年费，并对柜员进行收费规则培训");
    browser.findElement(By.id("ticketForm:saveResolution")).click();
    wait.ignoring(StaleElementReferenceException.class).until(b -> b.findElement(By.id("rootCauseShown")).getText().contains("业务技能不足"));
    session.screenshot("root-cause-recorded");
    click(".cz-action-resolve");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketForm:actionText"))).sendKeys("已退还重复扣收的年费 300 元。");
    browser.findElement(By.id("ticketForm:actionSubmit")).click();
    awaitPageStatus("RESOLVED");
    assertEquals("OPEN", browser.findElement(By.id("visitStatus")).getAttribute("data-status"), "a return visit was planned");
    session.screenshot("resolved");

    // 4. An agent records the return visit: reached, CSAT 2.
    signIn("agent1");
    browser.get(base + "/tickets/return-visits.xhtml?ticket=" + number);
    WebElement record = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cz-record-visit[data-ticket='" + number + "']")));
    session.screenshot("return-visit-queue");
    record.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visitsForm:visitComment")));
    ((JavascriptExecutor) browser).executeScript("document.querySelector(\"label[for='visitsForm:csat:1']\").click()");
    browser.findElement(By.id("visitsForm:visitComment")).sendKeys("费用退还太慢，对处理结果不满意");
    session.screenshot("return-visit-dialog");
    browser.findElement(By.id("visitsForm:visitSubmit")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("visitsForm:visitComment")));
    session.screenshot("return-visit-recorded");

    // 5. The ticket is REOPENED and flagged for escalation and QA.
    openTicket(number);
    awaitPageStatus("REOPENED");
    assertTrue(browser.findElement(By.id("ticketForm:escalationFlag")).isDisplayed());
    assertEquals("2", browser.findElement(By.id("visitCsat")).getText());
    assertTrue(browser.findElement(By.id("timeline")).getText().contains("CSAT 2"), browser.findElement(By.id("timeline")).getText());
    session.screenshot("reopened-and-flagged");
    assertEquals("REOPENED", api.get("staff1", "/api/tickets/" + number).json().getString("status"));
  }

  @Test
  void managersReadTheComplaintRegisterAndSupervisorsTheQaSample() {
    signIn("hq1");
    browser.get(base + "/tickets/complaints.xhtml");
    By rows = By.cssSelector("[id='registerForm:complaints_data'] > tr");
    wait.until(ExpectedConditions.visibilityOfElementLocated(rows));
    assertTrue(browser.findElements(rows).size() > 1, "the demo complaints are listed");
    session.screenshot("register");
    session.choose("registerForm:filterOverdue", "已超时限");
    wait.ignoring(StaleElementReferenceException.class)
        .until(b -> b.findElements(rows).stream().allMatch(r -> r.getText().contains("已超监管时限") || r.getText().contains("没有符合条件的投诉")));
    session.screenshot("register-overdue");

    signIn("super1");
    browser.get(base + "/tickets/quality.xhtml");
    WebElement score = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id='qaForm:samples_data'] button")));
    session.screenshot("qa-samples");
    score.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qaForm:qaComment"))).sendKeys("回访不满意，退费时效需改进");
    session.screenshot("qa-score-dialog");
    browser.findElement(By.id("qaForm:qaSubmit")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("qaForm:qaComment")));
    session.screenshot("qa-scored");
  }

  private void signIn(String login) {
    browser.manage().deleteAllCookies();
    session.signIn(login);
  }

  private void openTicket(String number) {
    browser.get(base + "/tickets/view.xhtml?number=" + number);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticketNumber")));
  }

  private void click(String css) {
    wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  private void awaitPageStatus(String status) {
    wait.ignoring(StaleElementReferenceException.class).until(b -> status.equals(b.findElement(By.id("ticketStatus")).getAttribute("data-status")));
  }

  private static JsonObject awaitStatus(Api api, String number, String status) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    JsonObject ticket = api.get("staff1", "/api/tickets/" + number).json();
    while (!status.equals(ticket.getString("status")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      ticket = api.get("staff1", "/api/tickets/" + number).json();
    }
    assertEquals(status, ticket.getString("status"), ticket.toString());
    return ticket;
  }
}
