package org.centralis.ticket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The branch counter's main path in headless Chromium against a running Centralis: sign in as
 * staff1, find a customer of the branch by phone (identifiers masked until revealed), log a
 * request for them, and see the ticket DISPATCHED in the list within 5 s. Also: every demo login
 * lands on the home page of its role, and a wrong password is answered on the login page.
 *
 * <p>Runs against the real WAR on Payara Micro (Arquillian) and reads {@code centralis.it.jdbc}
 * (its database) to pick a customer of staff1's branch. Each test opens its
 * own browser, so the tests do not depend on their order. Screenshots of each step go to
 * {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BranchStaffPathIT {

  private static final Duration DISPATCH_WITHIN = Duration.ofSeconds(5);

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
  void branchStaffFindsACustomerLogsARequestAndSeesItDispatched() throws Exception {
    long customerId = Fixtures.customerOf("staff1");
    String phone = Fixtures.phoneOf(customerId);

    session.signIn("staff1");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-branch")));
    assertTrue(browser.getCurrentUrl().endsWith("/branch/index.xhtml"), browser.getCurrentUrl());
    session.screenshot("home");

    // Look the customer up by phone: one result, every identifier masked.
    browser.findElement(By.id("lookupForm:value")).sendKeys(phone);
    browser.findElement(By.id("lookupForm:search")).click();
    WebElement customer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cz-customer")));
    String maskedPhone = customer.findElement(By.cssSelector(".cz-phone")).getText();
    assertEquals(phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4), maskedPhone);
    assertTrue(customer.findElement(By.cssSelector(".cz-id-number")).getText().matches("\\d{6}\\*{8}\\d{3}[\\dX]"),
        customer.findElement(By.cssSelector(".cz-id-number")).getText());
    List<WebElement> accounts = customer.findElements(By.cssSelector(".cz-account"));
    assertFalse(accounts.isEmpty(), "the customer has accounts");
    for (WebElement account : accounts) {
      assertTrue(account.getText().matches("\\d{4} \\*{4} \\*{4} \\d{4}"), account.getText());
    }
    assertFalse(customer.getText().contains(phone), "the result shows no plain phone before it is revealed");
    session.screenshot("customer-found-masked");

    // Reveal the phone (an audited action): the plain value replaces the mask.
    customer.findElement(By.cssSelector(".cz-reveal")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".cz-customer .cz-phone"), phone));
    session.screenshot("phone-revealed");

    // The single result is selected for the request; log an inquiry for them.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("selectedCustomer")));
    session.chooseFirst("logForm:categoryId");
    String subject = "浏览器测试 " + System.currentTimeMillis();
    browser.findElement(By.id("logForm:subject")).sendKeys(subject);
    browser.findElement(By.id("logForm:description")).sendKeys("客户来柜面询问近期账户余额变动原因。");
    session.screenshot("request-filled");
    browser.findElement(By.id("logForm:save")).click();
    WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logForm:newTicket")));
    String number = link.getText();
    assertTrue(number.matches("T\\d{8}-\\d{6,}"), number);
    session.screenshot("request-logged");

    // The list shows it DISPATCHED within 5 s (dispatch runs asynchronously over JMS).
    browser.get(base + "/tickets/list.xhtml");
    WebElement filter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketsForm:filterText")));
    filter.sendKeys(number);
    filter.sendKeys(Keys.ENTER);
    By rows = By.cssSelector("[id='ticketsForm:tickets_data'] > tr");
    wait.ignoring(StaleElementReferenceException.class).until(b -> b.findElements(rows).size() == 1);
    By status = By.xpath("//a[normalize-space()='" + number + "']/ancestor::tr//span[@data-status]");
    // The table is re-rendered by its poll meanwhile: elements found a moment ago may be stale.
    new WebDriverWait(browser, DISPATCH_WITHIN)
        .pollingEvery(Duration.ofMillis(200))
        .ignoring(StaleElementReferenceException.class)
        .until(b -> b.findElements(status).stream().anyMatch(s -> "DISPATCHED".equals(s.getAttribute("data-status"))));
    session.screenshot("list-dispatched");

    // The list as filtered, taken away as CSV from the list's own button: the header, then this one ticket.
    List<String> exported = java.nio.file.Files.readAllLines(session.download(By.id("ticketsForm:exportCsv")), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(exported.get(0).startsWith("\uFEFF工单号"), exported.get(0));
    assertEquals(2, exported.size(), String.join("\n", exported));
    assertTrue(exported.get(1).startsWith(number + ","), exported.get(1));

    // Its page names the team and has the timeline CREATED → DISPATCHED.
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            b -> {
              b.findElement(By.linkText(number)).click();
              return true;
            });
    wait.until(ExpectedConditions.textToBe(By.id("ticketNumber"), number));
    assertEquals("DISPATCHED", browser.findElement(By.id("ticketStatus")).getAttribute("data-status"));
    assertEquals(2, browser.findElements(By.cssSelector("#timeline li")).size());
    assertTrue(browser.getPageSource().contains(subject));
    session.screenshot("ticket-view");

    // The outlet adds a comment from the page: a dialog asks for the text; the timeline grows.
    browser.findElement(By.cssSelector(".cz-action-comment")).click();
    WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketForm:actionText")));
    comment.sendKeys("客户补充：请尽快回电。");
    browser.findElement(By.id("ticketForm:actionSubmit")).click();
    wait.ignoring(StaleElementReferenceException.class).until(b -> b.findElements(By.cssSelector("#timeline li")).size() == 3);
    assertTrue(browser.getPageSource().contains("客户补充：请尽快回电。"));
    session.screenshot("ticket-commented");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "staff1, /branch/index.xhtml, home-branch",
    "agent1, /agent/index.xhtml, home-agent",
    "super1, /supervisor/index.xhtml, home-supervisor",
    "hq1, /hq/index.xhtml, home-hq",
    "audit1, /audit/index.xhtml, home-audit",
    "admin1, /admin/index.xhtml, home-admin",
    "cti, /cti/index.xhtml, home-cti"
  })
  void eachDemoLoginReachesItsHomePage(String login, String path, String marker) {
    session.signIn(login);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id(marker)));
    assertTrue(browser.getCurrentUrl().endsWith(path), browser.getCurrentUrl());
    assertFalse(browser.findElement(By.cssSelector(".cz-user-name")).getText().isBlank(), "the header names the user");
    if (login.equals("super1")) { // the overview's open figure (the API's counts are checked against the list in TicketLifecycleIT)
      long open = new Api(deployed).get(login, "/api/tickets/counts").json().getJsonNumber("open").longValue();
      assertEquals(String.valueOf(open), browser.findElement(By.id("openCount")).getText().strip());
    }
    session.screenshot(login);

    browser.findElement(By.id("signOutForm:signOut")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username")));
    browser.get(base + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username")));
    assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "signed out: " + browser.getCurrentUrl());
  }

  /**
   * The auditor's main path: the whole trail says "more than" the test server's cap (100, arquillian.xml) and pages
   * through that many; filtered by an actor it shows that actor's events only, and its total is the database's count.
   */
  @Test
  void anAuditorFiltersTheTrailByActor() throws Exception {
    revealUntilTheTrailHoldsMoreThan(100);
    session.signIn("audit1"); // signing in is itself an event of audit1
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-audit")));
    By report = By.cssSelector("#auditForm\\:events .ui-paginator-current");
    var redraws = wait.ignoring(StaleElementReferenceException.class);
    redraws.until(ExpectedConditions.textToBePresentInElementLocated(report, "超过 100 条，第 1/5 页"));
    session.click(By.cssSelector("#auditForm\\:events .ui-paginator-last"));
    redraws.until(ExpectedConditions.textToBePresentInElementLocated(report, "第 5/5 页"));
    assertEquals(20, browser.findElements(By.cssSelector("#auditForm\\:events_data td.cz-col-actor")).size(), "the last page within the cap is full");
    session.screenshot("audit-beyond-cap-last-page");

    browser.findElement(By.id("auditForm:actor")).sendKeys("audit1");
    browser.findElement(By.id("auditForm:auditSearch")).click();
    String events = Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTOR_LOGIN = 'audit1'");
    redraws.until(b -> b.findElement(report).getText().startsWith("共 " + events + " 条"));
    List<WebElement> actors = browser.findElements(By.cssSelector("#auditForm\\:events_data td.cz-col-actor"));
    assertFalse(actors.isEmpty());
    assertTrue(actors.stream().allMatch(a -> a.getText().strip().equals("audit1")), "only audit1's events");
    session.screenshot("audit-by-actor");
  }

  /** Real audited reads (a phone number revealed), so the trail is long enough however few tests ran before. */
  private void revealUntilTheTrailHoldsMoreThan(int events) throws Exception {
    Api api = new Api(deployed);
    long customer = Fixtures.customerOf("staff1");
    int missing = events + 1 - Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT"));
    for (int i = 0; i < missing; i++) {
      assertEquals(200, api.post("staff1", "/api/customers/" + customer + "/reveal", "{\"kind\":\"PHONE\"}").status());
    }
  }

  @Test
  void aWrongPasswordIsAnsweredOnTheLoginPage() {
    // agent29: a login no other test uses, so the failed attempt cannot lock anyone out.
    browser.get(base + "/login.xhtml");
    browser.findElement(By.id("loginForm:username")).sendKeys("agent29");
    browser.findElement(By.id("loginForm:password")).sendKeys("not-the-password");
    browser.findElement(By.id("loginForm:signIn")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#loginForm .ui-messages-error")));
    assertTrue(error.getText().contains("用户名或密码错误"), error.getText());
    session.screenshot("wrong-password");
    session.signIn("agent29"); // resets the failure count
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-agent")));
  }
}
