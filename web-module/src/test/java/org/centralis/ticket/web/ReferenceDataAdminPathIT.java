package org.centralis.ticket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.centralis.it.Api;
import org.centralis.it.Browser;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator's path in headless Chromium: add a sub-category in the suggestion tree, edit a
 * dispatch rule in its dialog, and try out which team receives a ticket. The rule edited here is
 * this test's own, on its own category, and stays inactive, so no other test's dispatch changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReferenceDataAdminPathIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL deployed;

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
      pick(session, "rulesForm:tryCategory", "(IT-ADM-UI-" + suffix + ")");
      pick(session, "rulesForm:tryBranch", Db.scalar("SELECT NAME FROM BRANCH WHERE PARENT_ID IS NULL"));
      session.click(By.id("rulesForm:try"));
      WebElement result = session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("tryResultText")));
      String expected = api.post("admin1", "/api/admin/dispatch-rules/try",
          "{\"type\":\"SUGGESTION\",\"categoryId\":" + categoryId + ",\"branchId\":" + Db.scalar("SELECT ID FROM BRANCH WHERE PARENT_ID IS NULL") + "}")
          .json().getJsonObject("team").getString("name");
      assertTrue(result.getText().contains(expected), result.getText() + " / " + expected);
      session.screenshot("try-out");
    }
  }

  /** Picks the option whose label contains {@code part} (category and branch labels are indented). */
  private static void pick(Browser session, String clientId, String part) {
    session.click(By.id(clientId));
    By item = By.xpath("//*[@id='" + clientId + "_panel']//li[contains(@data-label, '" + part + "')]");
    session.await().until(ExpectedConditions.visibilityOfElementLocated(item)).click();
    session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id(clientId + "_panel")));
  }
}
