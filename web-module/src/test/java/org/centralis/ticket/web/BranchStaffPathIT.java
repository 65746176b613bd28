package org.centralis.ticket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.net.URL;
import org.centralis.it.Deployments;
import org.centralis.it.Fixtures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

  private static final String PASSWORD = "centralis";
  private static final Duration DISPATCH_WITHIN = Duration.ofSeconds(5);

  private static String base;
  private static Path screenshots;

  private WebDriver browser;
  private WebDriverWait wait;
  private String testName;
  private int step;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL deployed;

  @BeforeEach
  void server() {
    String url = deployed.toString();
    base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @BeforeAll
  static void screenshotFolder() throws IOException {
    screenshots = Path.of(System.getProperty("centralis.it.screenshots", "target/screenshots"));
    Files.createDirectories(screenshots);
  }

  @BeforeEach
  void openBrowser(TestInfo info) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("centralis.it.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(System.getProperty("centralis.it.chromedriver", "/usr/bin/chromedriver")))
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String method = info.getTestMethod().map(m -> m.getName()).orElse("test");
    // A parameterized run is displayed by its parameter (the login): keep it in the file names.
    testName = info.getDisplayName().startsWith(method) ? method : method + "-" + info.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-");
    step = 0;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void branchStaffFindsACustomerLogsARequestAndSeesItDispatched() throws Exception {
    long customerId = Fixtures.customerOf("staff1");
    String phone = Fixtures.phoneOf(customerId);

    signIn("staff1");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-branch")));
    assertTrue(browser.getCurrentUrl().endsWith("/branch/index.xhtml"), browser.getCurrentUrl());
    screenshot("home");

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
    screenshot("customer-found-masked");

    // Reveal the phone (an audited action): the plain value replaces the mask.
    customer.findElement(By.cssSelector(".cz-reveal")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".cz-customer .cz-phone"), phone));
    screenshot("phone-revealed");

    // The single result is selected for the request; log an inquiry for them.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("selectedCustomer")));
    chooseFirst("logForm:categoryId");
    String subject = "浏览器测试 " + System.currentTimeMillis();
    browser.findElement(By.id("logForm:subject")).sendKeys(subject);
    browser.findElement(By.id("logForm:description")).sendKeys("客户来柜面询问近期账户余额变动原因。");
    screenshot("request-filled");
    browser.findElement(By.id("logForm:save")).click();
    WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logForm:newTicket")));
    String number = link.getText();
    assertTrue(number.matches("T\\d{8}-\\d{6,}"), number);
    screenshot("request-logged");

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
    screenshot("list-dispatched");

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
    screenshot("ticket-view");

    // The outlet adds a comment from the page: a dialog asks for the text; the timeline grows.
    browser.findElement(By.cssSelector(".cz-action-comment")).click();
    WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketForm:actionText")));
    comment.sendKeys("客户补充：请尽快回电。");
    browser.findElement(By.id("ticketForm:actionSubmit")).click();
    wait.ignoring(StaleElementReferenceException.class).until(b -> b.findElements(By.cssSelector("#timeline li")).size() == 3);
    assertTrue(browser.getPageSource().contains("客户补充：请尽快回电。"));
    screenshot("ticket-commented");
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
    signIn(login);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id(marker)));
    assertTrue(browser.getCurrentUrl().endsWith(path), browser.getCurrentUrl());
    assertFalse(browser.findElement(By.cssSelector(".cz-user-name")).getText().isBlank(), "the header names the user");
    screenshot(login);

    browser.findElement(By.id("signOutForm:signOut")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username")));
    browser.get(base + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username")));
    assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "signed out: " + browser.getCurrentUrl());
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
    screenshot("wrong-password");
    signIn("agent29"); // resets the failure count
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-agent")));
  }

  private void signIn(String login) {
    browser.get(base + "/login.xhtml");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:username"))).sendKeys(login);
    browser.findElement(By.id("loginForm:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("loginForm:signIn")).click();
    wait.until(b -> !b.getCurrentUrl().contains("/login.xhtml") || !b.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
  }

  /** Picks the first real option of a PrimeFaces selectOneMenu. */
  private void chooseFirst(String clientId) {
    browser.findElement(By.id(clientId)).click();
    By items = By.cssSelector("[id='" + clientId + "_panel'] li.ui-selectonemenu-item:not(.ui-noselection-option)");
    wait.until(ExpectedConditions.visibilityOfElementLocated(items));
    browser.findElements(items).get(0).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(clientId + "_panel")));
  }

  private void screenshot(String what) {
    try {
      Path file = screenshots.resolve(String.format("%s-%02d-%s.png", testName, ++step, what));
      Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
