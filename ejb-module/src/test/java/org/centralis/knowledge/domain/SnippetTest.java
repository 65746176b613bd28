package org.centralis.knowledge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetTest {

  @Test
  void marksTheChineseWordWhereItOccurs() {
    String html = Snippet.html("客户来电后，先核实身份，再办理借记卡挂失。挂失后卡片立即停用。", "挂失", 200);
    assertEquals("客户来电后，先核实身份，再办理借记卡<mark>挂失</mark>。<mark>挂失</mark>后卡片立即停用。", html);
  }

  @Test
  void marksEnglishWordsWhateverTheirCase() {
    assertEquals("<mark>Reset</mark> your online <mark>password</mark> here", Snippet.html("Reset your online password here", "password RESET", 200));
  }

  @Test
  void marksTheWholeRunRatherThanItsBigrams() {
    assertEquals("办理<mark>信用卡分期</mark>", Snippet.html("办理信用卡分期", "信用卡分期", 200));
  }

  @Test
  void escapesTheTextSoOnlyMarkIsMarkup() {
    String html = Snippet.html("<script>alert('x')</script> 挂失 & more", "挂失", 200);
    assertTrue(html.startsWith("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>挂失</mark> &amp; more"), html);
    assertFalse(html.replace("<mark>", "").replace("</mark>", "").contains("<"));
  }

  @Test
  void cutsAWindowAroundTheFirstHit() {
    String text = "甲".repeat(300) + "挂失" + "乙".repeat(300);
    String html = Snippet.html(text, "挂失", 40);
    assertTrue(html.startsWith("…") && html.endsWith("…"), html);
    assertTrue(html.contains("<mark>挂失</mark>"), html);
    assertTrue(html.length() < 80, html);
  }

  @Test
  void withoutAHitShowsTheStart() {
    assertEquals("abc", Snippet.html("abc", "xyz", 10));
    assertEquals("", Snippet.html(null, "xyz", 10));
  }
}
