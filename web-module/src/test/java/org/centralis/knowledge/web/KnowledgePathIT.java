package org.centralis.knowledge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
 * identifiers; branch staff link a suggested article on the ticket page. Also the knowledge API (moved from
 * KnowledgeApiIT: one server start for both).
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
    session.choose("kbEditor:status", "已发布");
    browser.findElement(By.id("kbEditor:save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kbEditor:messages"), "v1"));
    session.screenshot("editor-saved");

    Api api = new Api(deployed);
    String found = api.get("agent1", "/api/knowledge/articles?q=" + java.net.URLEncoder.encode("跨境汇款", java.nio.charset.StandardCharsets.UTF_8)).body();
    assertTrue(found.contains(title), found);
  }

  // ---- moved from KnowledgeApiIT: The knowledge base API on the demo articles: Chinese and English search, who sees what, bad input as problem+json, versions, suggestions and links for a ticket; and the customer 360 API.



  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static List<String> titles(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("title")).toList();
  }

  static long count(String sql, Object... params) throws Exception {
    return Long.parseLong(Db.scalar(sql, params));
  }

  static void assertProblem(Api.Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    assertTrue(r.body().contains(code), r.body());
  }

  @Test
  void aTwoCharacterChineseWordFindsItsArticlesWithTheWordMarked() {
    Api api = new Api(deployed);
    Api.Reply r = api.get("agent1", "/api/knowledge/articles?q=" + q("挂失"));
    assertEquals(200, r.status(), r.body());
    JsonObject page = r.json();
    List<String> titles = titles(page);
    assertTrue(titles.contains("借记卡挂失办理流程"), titles.toString());
    assertTrue(titles.contains("信用卡挂失与盗刷处理"), titles.toString());
    assertFalse(titles.contains("网上银行登录密码重置"), "an article without 挂失 does not match: " + titles);
    assertTrue(titles.get(0).contains("挂失"), "a title match ranks first: " + titles);
    assertTrue(page.getJsonArray("items").getJsonObject(0).getString("snippetHtml").contains("<mark>挂失</mark>"));
    assertEquals(titles.size(), page.getJsonNumber("total").longValue());

    List<String> transfer = titles(api.get("staff1", "/api/knowledge/articles?q=" + q("转账限额")).json());
    assertEquals("手机银行转账限额说明", transfer.get(0), transfer.toString());
    List<String> broadband = titles(api.get("agent2", "/api/knowledge/articles?q=" + q("宽带无法上网")).json());
    assertEquals("宽带故障报修流程", broadband.get(0), broadband.toString());
  }

  @Test
  void englishWordsMatchWhateverTheirCaseAndPlural() {
    Api api = new Api(deployed);
    List<String> titles = titles(api.get("agent1", "/api/knowledge/articles?q=" + q("Passwords RESET")).json());
    assertEquals("Resetting the online banking password", titles.get(0), titles.toString());
    JsonObject en = api.get("agent1", "/api/knowledge/articles?lang=en&q=" + q("lost card")).json();
    assertEquals("Reporting a lost or stolen card", titles(en).get(0));
    en.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> assertEquals("en", i.getString("language")));
  }

  @Test
  void readersSeePublishedArticlesOnlyAndAuditorsNone() throws Exception {
    Api api = new Api(deployed);
    assertEquals(0, api.get("agent1", "/api/knowledge/articles?q=" + q("数字人民币")).json().getJsonNumber("total").longValue(), "a draft is not found by readers");
    assertEquals(1, api.get("admin1", "/api/knowledge/articles?q=" + q("数字人民币")).json().getJsonNumber("total").longValue(), "editors find drafts");
    String draftId = Db.scalar("SELECT ID FROM KB_ARTICLE WHERE STATUS = 'DRAFT' AND TITLE LIKE '数字人民币%'");
    assertProblem(api.get("agent1", "/api/knowledge/articles/" + draftId), 404, "not-found");
    assertEquals(200, api.get("super1", "/api/knowledge/articles/" + draftId).status());
    assertEquals(200, api.get("hq1", "/api/knowledge/articles?q=" + q("挂失")).status());

    JsonObject all = api.get("agent1", "/api/knowledge/articles?q=" + q("挂失")).json();
    JsonObject pub = api.get("agent1", "/api/knowledge/articles?visibility=PUBLIC&q=" + q("挂失")).json();
    assertTrue(titles(all).contains("挂失解除（解挂）操作规范"), "readers see INTERNAL articles too");
    assertFalse(titles(pub).contains("挂失解除（解挂）操作规范"));
    pub.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> assertEquals("PUBLIC", i.getString("visibility")));

    assertProblem(api.get("audit1", "/api/knowledge/articles?q=" + q("挂失")), 403, "forbidden");
    assertProblem(api.get("cti", "/api/knowledge/articles"), 403, "forbidden");
    assertProblem(api.post("agent1", "/api/knowledge/articles", article("坐席不能写", "正文", "DRAFT")), 403, "forbidden");
  }

  @Test
  void badInputIsAProblemNamingTheParameter() {
    Api api = new Api(deployed);
    assertProblem(api.get("agent1", "/api/knowledge/articles?lang=fr"), 400, "lang");
    assertProblem(api.get("agent1", "/api/knowledge/articles?category=abc"), 400, "category");
    assertProblem(api.get("agent1", "/api/knowledge/articles?category=999999"), 400, "unknown-category");
    assertProblem(api.get("agent1", "/api/knowledge/articles?page=-1"), 400, "page");
    assertProblem(api.get("agent1", "/api/knowledge/articles?q=" + "x".repeat(201)), 400, "q");
    assertProblem(api.get("agent1", "/api/knowledge/articles/abc"), 400, "id");
    assertProblem(api.post("admin1", "/api/knowledge/articles", "{\"body\":\"无标题\",\"language\":\"zh_CN\",\"visibility\":\"PUBLIC\"}"), 400, "title");
    assertProblem(api.post("admin1", "/api/knowledge/articles", article("标题", "正文", "LIVE")), 400, "status");
    assertEquals(0, api.get("agent1", "/api/knowledge/articles?q=" + q("，。！")).json().getJsonNumber("total").longValue(), "no tokens, no hits");
  }

  @Test
  void everySaveIsAVersionAndTheIndexFollowsTheCurrentText() throws Exception {
    Api api = new Api(deployed);
    String word = "集测" + Long.toString(System.nanoTime(), 36);
    Api.Reply created = api.post("admin1", "/api/knowledge/articles", article("境外取现手续费说明", "境外取现每笔收取手续费，" + word + "旧版", "PUBLISHED"));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(1, created.json().getInt("versionNo"));
    long audited = count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'KB_ARTICLE_UPDATED' AND TARGET_ID = ?", String.valueOf(id));

    Api.Reply saved = put(api, "super1", id, article("境外取现手续费说明", "境外取现每笔收取1%手续费，最低12元。", "PUBLISHED").replace("}", ",\"baseVersion\":1,\"note\":\"费率更新\"}"));
    assertEquals(200, saved.status(), saved.body());
    assertEquals(2, saved.json().getInt("versionNo"));
    assertEquals("super1", saved.json().getString("updatedBy"));
    assertProblem(put(api, "admin1", id, article("境外取现手续费说明", "又改", "PUBLISHED").replace("}", ",\"baseVersion\":1}")), 409, "concurrent-change");

    JsonArray versions = api.get("agent1", "/api/knowledge/articles/" + id + "/versions").parse().asJsonArray();
    assertEquals(2, versions.size());
    JsonObject v2 = versions.getJsonObject(0);
    assertEquals(2, v2.getInt("versionNo"));
    assertEquals("super1", v2.getString("editedBy"));
    assertEquals("费率更新", v2.getString("changeNote"));
    assertEquals(List.of("body"), v2.getJsonArray("changedFields").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    assertTrue(versions.getJsonObject(1).getString("body").contains(word), "version 1 keeps its full text");
    assertEquals(audited + 1, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'KB_ARTICLE_UPDATED' AND TARGET_ID = ?", String.valueOf(id)));

    assertEquals(0, api.get("agent1", "/api/knowledge/articles?q=" + q(word)).json().getJsonNumber("total").longValue(), "the old text is no longer indexed");
    assertTrue(titles(api.get("agent1", "/api/knowledge/articles?q=" + q("最低12元")).json()).contains("境外取现手续费说明"));
    assertEquals(1, count("SELECT COUNT(*) FROM KB_ARTICLE_VERSION WHERE ARTICLE_ID = ? AND VERSION_NO = 2", id));
  }

  @Test
  void aTicketGetsSuggestionsAndLinkingCountsOneUse() throws Exception {
    Api api = new Api(deployed);
    long customer = Fixtures.customerOf("staff1");
    Api.Reply logged = api.post("staff1", "/api/tickets",
        "{\"type\":\"BUSINESS_REQUEST\",\"categoryId\":21,\"priority\":\"NORMAL\",\"channel\":\"BRANCH_COUNTER\",\"subject\":\"客户借记卡丢失要求挂失\","
            + "\"description\":\"客户在商场丢失借记卡，来网点要求办理挂失和补卡\",\"customerId\":" + customer + "}");
    assertEquals(201, logged.status(), logged.body());
    String number = logged.json().getString("number");

    JsonObject articles = api.get("staff1", "/api/tickets/" + number + "/articles").json();
    assertTrue(articles.getJsonArray("linked").isEmpty());
    List<String> suggested = articles.getJsonArray("suggested").getValuesAs(JsonObject.class).stream().map(a -> a.getString("title")).toList();
    assertEquals("借记卡挂失办理流程", suggested.get(0), suggested.toString());
    long articleId = articles.getJsonArray("suggested").getJsonObject(0).getJsonNumber("id").longValue();

    long uses = count("SELECT USE_COUNT FROM KB_ARTICLE WHERE ID = ?", articleId);
    long audited = count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'KB_ARTICLE_LINKED' AND TARGET_ID = ?", number);
    Api.Reply linked = api.post("staff1", "/api/tickets/" + number + "/articles/" + articleId, null);
    assertEquals(201, linked.status(), linked.body());
    assertEquals(200, api.post("agent1", "/api/tickets/" + number + "/articles/" + articleId, null).status(), "linking again changes nothing");
    assertEquals(uses + 1, count("SELECT USE_COUNT FROM KB_ARTICLE WHERE ID = ?", articleId));
    assertEquals(audited + 1, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'KB_ARTICLE_LINKED' AND TARGET_ID = ?", number));

    JsonObject after = api.get("staff1", "/api/tickets/" + number + "/articles").json();
    assertEquals(articleId, after.getJsonArray("linked").getJsonObject(0).getJsonNumber("articleId").longValue());
    assertEquals("staff1", after.getJsonArray("linked").getJsonObject(0).getString("linkedBy"));
    after.getJsonArray("suggested").getValuesAs(JsonObject.class).forEach(a -> assertNotEquals(articleId, a.getJsonNumber("id").longValue()));

    assertProblem(api.post("staff1", "/api/tickets/" + number + "/articles/999999999", null), 404, "not-found");
    assertProblem(api.post("staff1", "/api/tickets/T20990101-999999/articles/" + articleId, null), 404, "not-found");
    assertProblem(api.post("hq1", "/api/tickets/" + number + "/articles/" + articleId, null), 403, "forbidden");
  }

  @Test
  void theCustomer360ShowsTicketsAndOpenComplaintsMaskedAndAudited() throws Exception {
    Api api = new Api(deployed);
    long customer = Fixtures.customerOf("staff1");
    Api.Reply complaint = api.post("staff1", "/api/tickets", Fixtures.complaint(customer, "360测试投诉"));
    assertEquals(201, complaint.status(), complaint.body());
    String number = complaint.json().getString("number");
    String customerNo = Db.scalar("SELECT CUSTOMER_NO FROM CUSTOMER WHERE ID = ?", customer);
    long audited = count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CUSTOMER_360_VIEWED' AND TARGET_ID = ?", customerNo);

    Api.Reply r = api.get("agent1", "/api/customers/" + customer + "/360");
    assertEquals(200, r.status(), r.body());
    JsonObject v = r.json();
    String phone = Fixtures.phoneOf(customer);
    assertFalse(r.body().contains(phone), "no plain phone number in the 360");
    assertTrue(v.getJsonObject("profile").getString("maskedPhone").contains("*"));
    assertTrue(v.getJsonArray("tickets").getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("number").equals(number)));
    assertTrue(v.getJsonArray("openComplaints").getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("number").equals(number)));
    assertTrue(v.getJsonNumber("ticketCount").longValue() >= v.getJsonArray("tickets").size());
    assertEquals(audited + 1, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CUSTOMER_360_VIEWED' AND TARGET_ID = ?", customerNo));

    String elsewhere = Db.scalar(
        "SELECT C.ID FROM CUSTOMER C WHERE C.BRANCH_PATH NOT LIKE (SELECT B.PATH FROM STAFF S JOIN BRANCH B ON B.ID = S.BRANCH_ID WHERE S.LOGIN = 'staff1') || '%'"
            + " ORDER BY C.ID FETCH FIRST 1 ROWS ONLY");
    assertProblem(api.get("staff1", "/api/customers/" + elsewhere + "/360"), 404, "not-found");
    assertEquals(200, api.get("agent1", "/api/customers/" + elsewhere + "/360").status(), "the call center at headquarters sees every branch");
    assertProblem(api.get("hq1", "/api/customers/" + customer + "/360"), 403, "forbidden");
  }

  static String article(String title, String body, String status) {
    return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"tags\":\"境外,手续费\",\"categoryId\":32,\"language\":\"zh_CN\","
        + "\"visibility\":\"PUBLIC\",\"status\":\"" + status + "\"}";
  }

  static Api.Reply put(Api api, String user, long id, String json) {
    return api.send(user, Api.PASSWORD, HttpRequest.newBuilder(api.uri("/api/knowledge/articles/" + id)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }
}
