package org.centralis.ticket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.centralis.it.Api;
import org.centralis.it.Browser;
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
}
