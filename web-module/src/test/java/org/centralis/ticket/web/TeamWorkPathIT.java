package org.centralis.ticket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.net.URL;
import org.centralis.it.Api;
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
import org.openqa.selenium.By;
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
 * A team member's path in headless Chromium: the HQ complaints team's workload page, "claim
 * next", then start and resolve the claimed ticket from its page (a dialog asks for the note).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamWorkPathIT {

  private static final String PASSWORD = "centralis";

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
  void aComplaintsTeamMemberClaimsTheNextTicketAndWorksItToResolution() throws Exception {
    // Something is surely waiting for the team: an outlet's complaint, dispatched to it.
    Api api = new Api(deployed);
    String logged = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "浏览器测试：取单")).json().getString("number");
    long deadline = System.currentTimeMillis() + 15_000;
    while (!"DISPATCHED".equals(api.get("staff1", "/api/tickets/" + logged).json().getString("status")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }

    signIn("care3");
    browser.get(base + "/tickets/team.xhtml");
    WebElement team = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("teamName")));
    assertTrue(team.getText().contains("投诉处理组"), team.getText());
    screenshot("team-queue");

    browser.findElement(By.id("teamForm:claimNext")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticketNumber")));
    assertTrue(browser.getCurrentUrl().contains("/tickets/view.xhtml"), browser.getCurrentUrl());
    assertEquals("ACCEPTED", browser.findElement(By.id("ticketStatus")).getAttribute("data-status"));
    screenshot("claimed");

    browser.findElement(By.cssSelector(".cz-action-start")).click();
    wait.ignoring(StaleElementReferenceException.class)
        .until(b -> "IN_PROGRESS".equals(b.findElement(By.id("ticketStatus")).getAttribute("data-status")));

    wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cz-action-resolve"))).click();
    WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketForm:actionText")));
    note.sendKeys("已核实并退还重复扣收的费用。");
    screenshot("resolve-dialog");
    browser.findElement(By.id("ticketForm:actionSubmit")).click();
    wait.ignoring(StaleElementReferenceException.class)
        .until(b -> "RESOLVED".equals(b.findElement(By.id("ticketStatus")).getAttribute("data-status")));
    assertTrue(browser.getPageSource().contains("已核实并退还重复扣收的费用。"));
    assertTrue(browser.findElements(By.cssSelector(".cz-action-close")).isEmpty(), "the team does not confirm its own resolution");
    screenshot("resolved");
  }

  private void signIn(String login) {
    browser.get(base + "/login.xhtml");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:username"))).sendKeys(login);
    browser.findElement(By.id("loginForm:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("loginForm:signIn")).click();
    wait.until(b -> !b.getCurrentUrl().contains("/login.xhtml") || !b.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
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
