package org.centralis.sla.web;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chromium paths on the SLA panel of the ticket page (every deadline, a live countdown) and on the administrators'
 * reference-data pages: SLA policies (what-if, a new policy), ticket categories and dispatch rules.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlaPanelIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL deployed;

  @Test
  void theTicketPageShowsAllDeadlinesWithACountdown(TestInfo info) throws Exception {
    Api api = new Api(deployed);
    String number = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "浏览器测试：服务时限")).json().getString("number");
    try (Browser session = Browser.open(deployed, info)) {
      session.signIn("staff1");
      session.driver().get(session.base() + "/tickets/view.xhtml?number=" + number);
      WebElement panel = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cz-sla")));
      List<String> metrics = panel.findElements(By.cssSelector(".cz-sla-row")).stream().map(r -> r.getAttribute("data-metric")).toList();
      assertEquals(List.of("FIRST_RESPONSE", "RESOLUTION"), metrics, "a new ticket has no next-update clock yet");
      assertTrue(panel.getText().contains("首次响应") && panel.getText().contains("计时中"), panel.getText());
      session.await().until(b -> !b.findElement(By.cssSelector(".cz-sla-countdown")).getText().equals("—"));
      String first = panel.findElement(By.cssSelector(".cz-sla-countdown")).getText();
      assertFalse(first.isBlank());
      session.screenshot("sla-panel");
      // The timer ticks each second, but a busy two-core CI machine can hold Chromium's timers back for longer than
      // that: wait for the next value rather than sleeping a fixed time (a stopped countdown still fails, after 20 s).
      String next = session.await().until(b -> {
        String now = panel.findElement(By.cssSelector(".cz-sla-countdown")).getText();
        return now.equals(first) ? null : now;
      });
      assertTrue(next.matches("\\d+d \\d{2}:\\d{2}:\\d{2}"), "the countdown runs: " + next);
    }
  }

  @Test
  void anAdministratorTriesAShorterTargetBeforeSavingIt(TestInfo info) throws Exception {
    Api api = new Api(deployed);
    // a first complaint at high priority: policy 6 (投诉 · 高), whose open resolution deadline the what-if moves
    api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.firstTimeComplainantOf("staff1"), "浏览器测试：假设分析"));
    try (Browser session = Browser.open(deployed, info)) {
      session.signIn("admin1");
      session.driver().get(session.base() + "/admin/sla-policies.xhtml");
      WebElement table = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("policiesForm:policies")));
      assertTrue(table.getText().contains("投诉 · 高"), table.getText());
      session.driver().findElement(By.id("policiesForm:policies:5:edit")).click(); // policy 6, 投诉 · 高
      WebElement resolution = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("policiesForm:res_input")));
      resolution.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "1");
      session.screenshot("sla-policy-edit");
      session.driver().findElement(By.id("policiesForm:whatIf")).click();
      WebElement earlier = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("wiEarlier")));
      session.screenshot("sla-what-if");
      assertTrue(Long.parseLong(earlier.getText()) >= 1, earlier.getText());
      assertEquals("75600", org.centralis.it.Db.scalar("SELECT RESOLUTION_SECONDS FROM SLA_POLICY WHERE ID = 6"), "a what-if saves nothing");

      // A new policy: criteria from lists, the states that pause its clocks, inactive until turned on.
      session.click(By.id("policiesForm:newPolicy"));
      // the editor of policy 6 is replaced by a blank one, without a what-if (nothing to compare a new policy with)
      session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("policiesForm:whatIf")));
      session.await().until(ExpectedConditions.elementToBeClickable(By.id("policiesForm:name"))).sendKeys("浏览器新建：私行邮件投诉");
      session.choose("policiesForm:type", "投诉");
      session.choose("policiesForm:tier", "私人银行客户");
      session.choose("policiesForm:channel", "电子邮件");
      session.driver().findElement(By.id("policiesForm:res_input")).sendKeys("480");
      session.click(By.id("policiesForm:pause"));
      session.click(By.cssSelector("[id='policiesForm:pause_panel'] li[data-item-value='RETURNED'] .ui-chkbox-box"));
      session.click(By.cssSelector("[id='policiesForm:editor'] h2")); // a click outside closes the panel
      session.screenshot("sla-policy-new");
      session.click(By.id("policiesForm:save"));
      session.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("policiesForm:policies"), "浏览器新建：私行邮件投诉"));
      String row = org.centralis.it.Db.scalar(
          "SELECT TICKET_TYPE || '/' || CUSTOMER_TIER || '/' || CHANNEL || '/' || RESOLUTION_SECONDS || '/' || PAUSE_STATUSES || '/' || ACTIVE"
              + " FROM SLA_POLICY WHERE NAME = '浏览器新建：私行邮件投诉'");
      assertEquals("COMPLAINT/PRIVATE/EMAIL/28800/PENDING_CUSTOMER,RETURNED/0", row);
      assertTrue(session.driver().findElement(By.id("policiesForm:policies")).getText().contains("投诉 · 私人银行客户 · 电子邮件"));
      session.screenshot("sla-policy-created");
    }
  }

  // ---- moved from ReferenceDataAdminPathIT: The administrator's path in headless Chromium: add a sub-category in the suggestion tree, edit a dispatch rule in its dialog, and try out which team receives a ticket. The rule edited here is this test's own, on its own category, and stays inactive, so no other test's dispatch changes.



  @Test
  void anAdministratorAddsACategoryEditsARuleAndTriesItOut(TestInfo info) throws Exception {
    String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
    try (Browser session = Browser.open(deployed, info)) {
      WebDriver browser = session.driver();
      session.signIn("admin1");

      // Categories: add a sub-category under the suggestion root, in the dialog.
      browser.get(session.base() + "/admin/ticket-categories.xhtml");
      session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("categoriesForm:tree_SUGGESTION")));
      session.screenshot("category-trees");
      session.click(By.id("categoriesForm:tree_SUGGESTION:0:addChild"));
      WebElement code = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("categoriesForm:code")));
      code.sendKeys("it-adm-ui-" + suffix.toLowerCase()); // typed in lower case: the page upper-cases it
      browser.findElement(By.id("categoriesForm:name")).sendKeys("自助设备环境建议");
      browser.findElement(By.id("categoriesForm:nameEn")).sendKeys("Self-service area");
      session.screenshot("add-category-dialog");
      session.click(By.id("categoriesForm:save"));
      session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("categoriesForm:categoryDialog")));
      session.await().ignoring(StaleElementReferenceException.class)
          .until(b -> b.findElement(By.id("categoriesForm:tree_SUGGESTION")).getText().contains("IT-ADM-UI-" + suffix));
      assertTrue(browser.findElement(By.id("categoriesForm:tree_SUGGESTION")).getText().contains("自助设备环境建议"));
      session.screenshot("category-added");
      assertEquals("1", Db.scalar("SELECT COUNT(*) FROM TICKET_CATEGORY WHERE CODE = ? AND PARENT_ID = 40 AND ACTIVE = 1", "IT-ADM-UI-" + suffix));

      // Rules: this test's own inactive rule on that category, edited in the dialog.
      Api api = new Api(deployed);
      String categoryId = Db.scalar("SELECT ID FROM TICKET_CATEGORY WHERE CODE = ?", "IT-ADM-UI-" + suffix);
      String team = Db.scalar("SELECT ID FROM TEAM WHERE CODE = 'HQ-OPS-SUPPORT'");
      String name = "IT-ADM-UI " + suffix;
      Api.Reply created = api.post("admin1", "/api/admin/dispatch-rules",
          "{\"name\":\"" + name + "\",\"ticketType\":\"SUGGESTION\",\"categoryId\":" + categoryId + ",\"teamId\":" + team + ",\"active\":false}");
      assertEquals(201, created.status(), created.body());
      browser.get(session.base() + "/admin/dispatch-rules.xhtml");
      session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("rulesForm:rules")));
      session.click(By.xpath("//tr[td[contains(., '" + name + "')]]//button[contains(@id, ':edit')]"));
      WebElement ruleName = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("rulesForm:name")));
      assertEquals(name, ruleName.getAttribute("value"));
      ruleName.clear();
      ruleName.sendKeys(name + " 改");
      session.choose("rulesForm:customerTier", "金卡客户");
      session.screenshot("edit-rule-dialog");
      session.click(By.id("rulesForm:save"));
      session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("rulesForm:ruleDialog")));
      session.await().ignoring(StaleElementReferenceException.class)
          .until(b -> b.findElement(By.id("rulesForm:rules")).getText().contains(name + " 改"));
      assertEquals("GOLD", Db.scalar("SELECT CUSTOMER_TIER FROM DISPATCH_RULE WHERE NAME = ?", name + " 改"));
      assertEquals("0", Db.scalar("SELECT ACTIVE FROM DISPATCH_RULE WHERE NAME = ?", name + " 改"), "still inactive");
      session.screenshot("rule-edited");

      // Try-out: a suggestion about the new category, at the headquarters, goes to the team the rules name.
      session.choose("rulesForm:tryType", "建议");
      session.screenshot("try-type-chosen");
      session.chooseContaining("rulesForm:tryCategory", "(IT-ADM-UI-" + suffix + ")");
      session.chooseContaining("rulesForm:tryBranch", Db.scalar("SELECT NAME FROM BRANCH WHERE PARENT_ID IS NULL"));
      session.click(By.id("rulesForm:try"));
      WebElement result = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("tryResultText")));
      String expected = api.post("admin1", "/api/admin/dispatch-rules/try",
          "{\"type\":\"SUGGESTION\",\"categoryId\":" + categoryId + ",\"branchId\":" + Db.scalar("SELECT ID FROM BRANCH WHERE PARENT_ID IS NULL") + "}")
          .json().getJsonObject("team").getString("name");
      assertTrue(result.getText().contains(expected), result.getText() + " / " + expected);
      session.screenshot("try-out");
    }
  }
}
