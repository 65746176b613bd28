package org.centralis.reporting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.centralis.it.Browser;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.centralis.shared.web.Formats;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headquarters manager's path in headless Chromium: from the home page to the reports page, run the monthly
 * service-quality report (the catalog's first) with its progress bar until it is done, start the daily contact-center report for one queue, find the run in
 * the archive and search the archive by period, then subscribe to a weekly run after previewing when it will fire.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HqReportsPathIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL deployed;

  @Test
  void hqManagerRunsAReportAndSubscribes(TestInfo info) throws Exception {
    try (Browser session = Browser.open(deployed, info)) {
      WebDriver browser = session.driver();
      WebDriverWait wait = session.await();
      session.signIn("hq1");
      wait.until(ExpectedConditions.urlContains("/hq/"));
      // The home page's KPIs, from one grouped read of the open tickets (hq1's scope is the whole bank).
      String open = "SELECT COUNT(*) FROM TICKET WHERE STATUS NOT IN ('CLOSED', 'CANCELLED')";
      assertEquals(Db.scalar(open), browser.findElement(By.id("kpiOpen")).getText().strip(), "open tickets");
      assertEquals(Db.scalar(open + " AND TICKET_TYPE = 'COMPLAINT'"), browser.findElement(By.id("kpiComplaints")).getText().strip(), "open complaints");
      java.time.ZonedDateTime today = java.time.LocalDate.now(Formats.ZONE).atStartOfDay(Formats.ZONE);
      String logged = Db.scalar("SELECT COUNT(*) FROM TICKET WHERE CREATED_AT >= ? AND CREATED_AT < ?", today.toOffsetDateTime(), today.plusDays(1).toOffsetDateTime());
      assertEquals(logged, browser.findElement(By.id("kpiToday")).getText().strip(), "logged today (Beijing time)");
      browser.findElement(By.cssSelector("a[href*='/reports/index.xhtml']")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:runForm:start")));
      assertTrue(browser.getPageSource().contains("网点对比报表"), "the catalog lists the branch league table");

      int runsBefore = Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM REPORT_RUN WHERE REQUESTED_BY = 'hq1'"));
      browser.findElement(By.id("tabs:runForm:start")).click();
      new WebDriverWait(browser, Duration.ofSeconds(120))
          .ignoring(StaleElementReferenceException.class) // the poll re-renders the status every second
          .until(b -> "DONE".equals(b.findElement(By.id("runStatus")).getAttribute("data-status")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:runForm:download")));
      session.screenshot("run-done");
      String runId = browser.findElement(By.id("runId")).getText().strip();
      assertEquals(runsBefore + 1, Integer.parseInt(Db.scalar("SELECT COUNT(*) FROM REPORT_RUN WHERE REQUESTED_BY = 'hq1'")));
      assertEquals("DONE", Db.scalar("SELECT STATUS FROM REPORT_RUN WHERE ID = ?", Long.valueOf(runId)));

      // The daily contact-center report takes a queue: its field appears with that report only.
      assertTrue(browser.findElements(By.id("tabs:runForm:queue")).isEmpty(), "no queue field for the monthly report");
      browser.findElement(By.xpath("//*[@id='tabs:runForm:report']//li[contains(., '呼叫中心日报')]")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("tabs:runForm:queue")));
      session.chooseContaining("tabs:runForm:queue", "(RETAIL)");
      session.screenshot("queue-field");
      browser.findElement(By.id("tabs:runForm:start")).click();
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
        try {
          return "1".equals(Db.scalar("SELECT COUNT(*) FROM REPORT_RUN WHERE REQUESTED_BY = 'hq1' AND REPORT_CODE = 'contact-center-daily' AND PARAMETERS LIKE '%\"queue\":\"RETAIL\"%'"));
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });

      browser.findElement(By.xpath("//a[contains(@href,'archiveTab')]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:archiveForm:archive"), runId));
      session.screenshot("archive");
      // Searched by the period a run covers: nothing made today covers 2030.
      // (the daily run started above is still polling: its end re-renders the archive once, so wait for it first)
      new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
          .until(b -> "DONE".equals(b.findElement(By.id("runStatus")).getAttribute("data-status")));
      wait.until(ExpectedConditions.elementToBeClickable(By.id("tabs:archiveForm:archiveFrom_input"))).sendKeys("2030-01-01", Keys.ESCAPE);
      browser.findElement(By.id("tabs:archiveForm:archiveSearch")).click();
      new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
          .until(b -> !b.findElement(By.id("tabs:archiveForm:archive")).getText().contains(runId)
              && b.findElement(By.cssSelector("[id='tabs:archiveForm'] h2")).getText().contains("(0)"));
      session.screenshot("archive-period-2030");

      browser.findElement(By.xpath("//a[contains(@href,'subscriptionsTab')]")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:scheduleForm:name"))).sendKeys("周一网点对比");
      browser.findElement(By.id("tabs:scheduleForm:preview")).click();
      wait.until(b -> b.findElements(By.cssSelector("[id='tabs:scheduleForm:firings'] tbody tr")).size() == 5
          && !b.findElement(By.id("tabs:scheduleForm:firings")).getText().contains("点击"));
      assertTrue(browser.findElement(By.id("tabs:scheduleForm:firings")).getText().contains("T07:30"), "Mondays at 07:30");
      browser.findElement(By.id("tabs:scheduleForm:subscribe")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:scheduleForm:schedules"), "周一网点对比"));
      session.screenshot("subscribed");
      assertEquals("1", Db.scalar("SELECT COUNT(*) FROM REPORT_SCHEDULE WHERE OWNER_LOGIN = 'hq1' AND NAME = '周一网点对比' AND CRON = '30 7 * * 1'"));
    }
  }

  /**
   * The whole bank's ticket list is not counted to the last ticket: beyond the cap (1,000 on the test server, 10,000 by
   * default) the table says "more than" and pages through that many; a filtered list is counted exactly.
   */
  @Test
  void theWholeBanksTicketListSaysMoreThanTheCapAndAFilteredOneItsTotal(TestInfo info) throws Exception {
    assertTrue(Long.parseLong(Db.scalar("SELECT COUNT(*) FROM TICKET")) > 1_000, "the demo bank holds more tickets than the test server's cap");
    try (Browser session = Browser.open(deployed, info)) {
      WebDriver browser = session.driver();
      WebDriverWait wait = session.await();
      session.signIn("hq1");
      wait.until(ExpectedConditions.urlContains("/hq/"));
      browser.get(session.base() + "/tickets/list.xhtml");
      By report = By.cssSelector("[id='ticketsForm:tickets'] .ui-paginator-current");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(report, "超过 1,000 条，第 1/"));
      String pages = browser.findElement(report).getText().replaceAll(".*第 1/(\\d+) 页.*", "$1");
      session.click(By.cssSelector("[id='ticketsForm:tickets'] .ui-paginator-last"));
      var redraws = wait.ignoring(StaleElementReferenceException.class);
      redraws.until(ExpectedConditions.textToBePresentInElementLocated(report, "第 " + pages + "/" + pages + " 页"));
      assertTrue(browser.findElements(By.cssSelector("[id='ticketsForm:tickets_data'] tr[data-rk]")).size() > 0, "the last page within the cap has rows");
      session.screenshot("beyond-cap-last-page");

      String subject = Db.scalar("SELECT SUBJECT FROM TICKET ORDER BY ID FETCH FIRST 1 ROWS ONLY");
      browser.findElement(By.id("ticketsForm:filterText")).sendKeys(subject);
      session.click(By.id("ticketsForm:filterSearch"));
      String matching = Db.scalar("SELECT COUNT(*) FROM TICKET WHERE LOWER(SUBJECT) LIKE ?", "%" + subject.strip().toLowerCase() + "%");
      redraws.until(ExpectedConditions.textToBePresentInElementLocated(report, "共 " + matching + " 条，第 1/"));
    }
  }
}
