package org.centralis.sla.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.centralis.it.Api;
import org.centralis.it.Browser;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The ticket page shows every SLA deadline of the ticket, with a live countdown. */
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
      Thread.sleep(1_500);
      assertFalse(first.equals(panel.findElement(By.cssSelector(".cz-sla-countdown")).getText()), "the countdown runs");
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
}
