package org.centralis.knowledge.web;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: an agent searches the knowledge base for 挂失 and opens the article with its
 * version history; an agent opens a customer's 360 from a ticket and sees the tickets with masked
 * identifiers; branch staff link a suggested article on the ticket page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KnowledgePathIT {

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
  void anAgentSearchesForATwoCharacterWordAndOpensTheArticle() {
    session.signIn("agent1");
    browser.findElement(By.cssSelector("a.cz-nav-item[href*='/knowledge/search.xhtml']")).click();
    WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kbSearch:q")));
    q.sendKeys("挂失");
    browser.findElement(By.id("kbSearch:go")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kbCount"), "篇"));
    wait.until(b -> b.findElements(By.cssSelector(".kb-snippet mark")).size() > 0);
    List<String> titles = browser.findElements(By.cssSelector(".kb-hit-title")).stream().map(WebElement::getText).toList();
    assertTrue(titles.contains("借记卡挂失办理流程"), titles.toString());
    assertFalse(titles.contains("网上银行登录密码重置"), titles.toString());
    assertEquals("挂失", browser.findElement(By.cssSelector(".kb-snippet mark")).getText());
    session.screenshot("search-results");

    browser.findElement(By.linkText("借记卡挂失办理流程")).click();
    WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("articleTitle")));
    assertEquals("借记卡挂失办理流程", title.getText());
    assertTrue(browser.findElement(By.id("articleBody")).getText().contains("口头挂失"));
    assertTrue(browser.findElement(By.id("kbArticle:versions")).getText().contains("admin1"), "the version history names the editor");
    session.screenshot("article");
  }

  @Test
  void theCustomer360ShowsTheCustomersTicketsWithMaskedIdentifiers() throws Exception {
    Api api = new Api(deployed);
    long customer = Fixtures.customerOf("staff1");
    String number = api.post("staff1", "/api/tickets", Fixtures.complaint(customer, "浏览器测试：客户360")).json().getString("number");
    String phone = Fixtures.phoneOf(customer);

    session.signIn("agent1");
    browser.get(base + "/tickets/view.xhtml?number=" + number);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.cz-360-link"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerName")));
    String history = browser.findElement(By.id("c360:ticketTable")).getText();
    assertTrue(history.contains(number), history);
    assertTrue(browser.findElement(By.id("c360:complaintTable")).getText().contains(number), "the new complaint is open");
    String shown = browser.findElement(By.cssSelector(".cz-phone")).getText();
    assertTrue(shown.contains("*"), shown);
    assertFalse(browser.getPageSource().contains(phone), "the plain phone number is not in the page");
    session.screenshot("customer-360");

    browser.findElement(By.cssSelector("#profile .cz-reveal")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cz-phone"), phone));
    session.screenshot("customer-360-revealed");
  }

  @Test
  void branchStaffLinkASuggestedArticleOnTheTicketPage() {
    Api api = new Api(deployed);
    String number = api.post("staff1", "/api/tickets",
        "{\"type\":\"BUSINESS_REQUEST\",\"categoryId\":21,\"priority\":\"NORMAL\",\"channel\":\"BRANCH_COUNTER\",\"subject\":\"借记卡丢失要求挂失\"}")
        .json().getString("number");
    session.signIn("staff1");
    browser.get(base + "/tickets/view.xhtml?number=" + number);
    WebElement use = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kbSuggested .kb-use")));
    session.screenshot("ticket-suggestions");
    use.click();
    wait.until(b -> !b.findElements(By.cssSelector("#kbLinked li")).isEmpty());
    assertTrue(browser.findElement(By.id("kbLinked")).getText().contains("staff1"));
    session.screenshot("ticket-linked");
  }

  @Test
  void anAdministratorWritesAnArticleWhichAgentsThenFind() {
    String title = "浏览器测试文章" + Long.toString(System.nanoTime(), 36);
    session.signIn("admin1");
    browser.findElement(By.cssSelector("a.cz-nav-item[href*='/knowledge/edit.xhtml']")).click();
    // the editor opens on a new article
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kbEditor:title"))).sendKeys(title);
    browser.findElement(By.id("kbEditor:body")).sendKeys("客户咨询跨境汇款到账时间：一般为1至3个工作日。");
    browser.findElement(By.id("kbEditor:tags")).sendKeys("跨境汇款,到账时间");
    browser.findElement(By.id("kbEditor:status")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kbEditor\\:status_items li[data-label='已发布']"))).click();
    browser.findElement(By.id("kbEditor:save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kbEditor:messages"), "v1"));
    session.screenshot("editor-saved");

    Api api = new Api(deployed);
    String found = api.get("agent1", "/api/knowledge/articles?q=" + java.net.URLEncoder.encode("跨境汇款", java.nio.charset.StandardCharsets.UTF_8)).body();
    assertTrue(found.contains(title), found);
  }
}
