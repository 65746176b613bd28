package org.centralis.acd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.centralis.it.Api;
import org.centralis.it.Browser;
import org.centralis.it.Db;
import org.centralis.it.Fixtures;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: agent14 goes READY on the desk; the CTI posts a CARD contact, which only
 * agent14 can take (the other CARD agents are logged out); the offer shows on the desk with the
 * masked caller number; the agent accepts; super1's wallboard shows agent14 on a call and the CARD
 * queue's answered count up by one; the agent ends the contact, finishes the wrap-up and logs out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentDeskPathIT {

  private static final String AGENT = "agent14";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL deployed;

  /** Clicks a button the poll may re-render between finding and clicking it. */
  private static void click(Browser session, By target) {
    session.await().until(d -> {
      try {
        d.findElement(target).click();
        return true;
      } catch (StaleElementReferenceException | NoSuchElementException e) {
        return false;
      }
    });
  }

  @Test
  void anAgentTakesAContactOnTheDeskAndTheWallboardShowsIt(TestInfo info) throws Exception {
    Api api = new Api(deployed);
    for (int n = 1; n <= 15; n++) { // every agent with the CARD skill but ours
      if (n != 14) {
        assertEquals(200, api.post("cti", "/api/acd/agents/agent" + n + "/state", "{\"state\":\"LOGGED_OUT\"}").status());
      }
    }
    int answeredBefore = api.get("super1", "/api/acd/queues/CARD/stats").json().getInt("answeredToday");
    // Other tests in the same run may have used this seat: start it signed out, and count from what it has today.
    api.post("cti", "/api/acd/agents/" + AGENT + "/state", "{\"state\":\"LOGGED_OUT\"}");
    int contactsBefore = api.get("cti", "/api/acd/agents/" + AGENT).json().getInt("contactsToday");

    try (Browser desk = Browser.open(deployed, info); Browser board = Browser.open(deployed, info)) {
      WebDriver agent = desk.driver();
      WebDriverWait wait = desk.await();
      desk.signIn(AGENT);
      desk.screenshot("agent-home");
      assertTrue(!agent.findElements(By.id("deskForm:seat")).isEmpty(), agent.getCurrentUrl() + "\n" + agent.getPageSource());
      wait.until(ExpectedConditions.textToBe(By.id("seatState"), "未签入"));
      desk.screenshot("desk-logged-out");
      click(desk, By.id("deskForm:ready"));
      wait.until(ExpectedConditions.textToBe(By.id("seatState"), "就绪"));
      desk.screenshot("desk-ready");

      assertEquals(202, api.post("cti", "/api/acd/contacts",
          "{\"externalId\":\"IT-DESK-1\",\"channel\":\"VOICE\",\"queue\":\"CARD\",\"callerNumber\":\"13912345678\"}").status());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deskForm:offer")));
      wait.until(ExpectedConditions.textToBe(By.id("seatState"), "振铃中"));
      wait.until(ExpectedConditions.textToBe(By.cssSelector("#deskForm\\:offer .acd-caller"), "*******5678")); // masked for the agent
      wait.until(ExpectedConditions.textToBe(By.cssSelector("#deskForm\\:offer .acd-queue-code"), "CARD"));
      desk.screenshot("desk-offer");
      click(desk, By.id("deskForm:accept"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deskForm:contact")));
      wait.until(ExpectedConditions.textToBe(By.id("seatState"), "通话中"));
      desk.screenshot("desk-connected");

      board.signIn("super1");
      board.driver().findElement(By.cssSelector("a.cz-nav-item[href*='/supervisor/wallboard.xhtml']")).click();
      board.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-CARD")));
      board.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-agent='" + AGENT + "']"), "通话中"));
      board.await().until(ExpectedConditions.textToBe(By.cssSelector("#queue-CARD .acd-answered"), String.valueOf(answeredBefore + 1)));
      board.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wallboard:agents"), "IT-DESK-1"));
      board.screenshot("wallboard-busy");
      ((JavascriptExecutor) board.driver()).executeScript("document.getElementById('wallboard:agents').scrollIntoView()");
      board.screenshot("wallboard-agents");

      click(board, By.linkText("IT-DESK-1"));
      board.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".acd-rule")));
      assertTrue(board.driver().findElement(By.cssSelector(".acd-rule")).getText().contains(AGENT), "the rule names the chosen agent");
      board.screenshot("contact-routing");

      click(desk, By.id("deskForm:end"));
      wait.until(ExpectedConditions.textToBe(By.id("seatState"), "话后处理"));
      desk.screenshot("desk-wrap-up");
      click(desk, By.id("deskForm:wrapUpDone"));
      wait.until(ExpectedConditions.textToBe(By.id("seatState"), "就绪"));
      wait.until(ExpectedConditions.textToBe(By.id("contactsToday"), String.valueOf(contactsBefore + 1)));
      click(desk, By.id("deskForm:logOut"));
      wait.until(ExpectedConditions.textToBe(By.id("seatState"), "未签入"));
    }
  }

  /**
   * Night mode on the desk: CORPORATE closed for the test with action CALLBACK; a call then waits on the callback list
   * (回拨列表) masked; the agent takes it, sees the number, notes the call and marks the caller reached; it leaves the list.
   */
  @Test
  void anAgentCallsBackACallerFromTheCallbackList(TestInfo info) throws Exception {
    Api api = new Api(deployed);
    String agentLogin = Db.scalar("SELECT MIN(S.LOGIN) FROM STAFF S JOIN ACD_AGENT_SKILL K ON K.STAFF_ID = S.ID JOIN ACD_SKILL SK ON SK.ID = K.SKILL_ID"
        + " WHERE SK.CODE = 'CORPORATE' AND K.SKILL_LEVEL >= 6");
    try (AutoCloseable night = Fixtures.nightWithCallbacks("CORPORATE"); Browser desk = Browser.open(deployed, info)) {
      assertEquals("CALLBACK", api.post("cti", "/api/acd/contacts",
          "{\"externalId\":\"IT-CB-UI-1\",\"channel\":\"VOICE\",\"queue\":\"CORPORATE\",\"callerNumber\":\"13700137000\"}").json().getString("disposition"));
      String id = Db.scalar("SELECT C.ID FROM ACD_CALLBACK C JOIN ACD_INTERACTION I ON I.ID = C.INTERACTION_ID WHERE I.EXTERNAL_ID = 'IT-CB-UI-1'");
      By number = By.cssSelector("[data-callback='" + id + "']");
      String row = "//tr[.//span[@data-callback='" + id + "']]";
      desk.signIn(agentLogin);
      desk.await().until(ExpectedConditions.textToBe(number, "137****7000"));
      desk.screenshot("callback-list");
      desk.click(By.xpath(row + "//button[contains(@id, ':claim')]"));
      desk.await().until(ExpectedConditions.textToBe(number, "13700137000"));
      desk.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("callbackForm:callbackMessages"), "13700137000"));
      desk.driver().findElement(By.xpath(row + "//input[contains(@id, ':note')]")).sendKeys("已告知对公开户所需材料");
      desk.screenshot("callback-claimed");
      desk.click(By.xpath(row + "//button[contains(@id, ':reached')]"));
      desk.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("callbackForm:callbackMessages"), "回拨已完成"));
      desk.await().until(ExpectedConditions.numberOfElementsToBe(number, 0));
      desk.screenshot("callback-done");
      assertEquals("DONE 已告知对公开户所需材料", Db.scalar("SELECT STATUS || ' ' || NOTE FROM ACD_CALLBACK WHERE ID = ?", Long.valueOf(id)));
    }
  }

  /** A supervisor raises a waiting caller's priority from the wallboard's waiting line. */
  @Test
  void aSupervisorSteersAWaitingContactFromTheWallboard(TestInfo info) throws Exception {
    Api api = new Api(deployed);
    for (String agent : new String[] {"agent5", "agent10"}) { // the English queue's agents: nobody takes the call
      api.post("cti", "/api/acd/agents/" + agent + "/state", "{\"state\":\"LOGGED_OUT\"}");
    }
    assertEquals(202, api.post("cti", "/api/acd/contacts",
        "{\"externalId\":\"IT-STEER-UI\",\"channel\":\"VOICE\",\"queue\":\"ENGLISH\",\"callerNumber\":\"+442070000099\"}").status());
    try (Browser board = Browser.open(deployed, info)) {
      board.signIn("super1");
      board.driver().get(board.base() + "/supervisor/wallboard.xhtml");
      board.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-contact='IT-STEER-UI']")));
      board.click(By.xpath("//span[@data-contact='IT-STEER-UI']/ancestor::tr//button"));
      WebElement priority = board.await().until(ExpectedConditions.elementToBeClickable(By.id("wallboard:steerPriority_input")));
      priority.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "8");
      board.driver().findElement(By.id("wallboard:steerReason")).sendKeys("VIP 客户");
      board.screenshot("wallboard-steer");
      board.click(By.id("wallboard:steerSubmit"));
      board.await().until(d -> api.get("cti", "/api/acd/contacts/IT-STEER-UI").json().getInt("priority") == 8);
      board.await().ignoring(StaleElementReferenceException.class).until(d ->
          "8".equals(d.findElement(By.xpath("//span[@data-contact='IT-STEER-UI']/ancestor::tr/td[5]")).getText().strip()));
      board.screenshot("wallboard-steered");
    } finally {
      api.post("cti", "/api/acd/contacts/IT-STEER-UI/abandoned", "");
    }
  }
}
