package org.centralis.knowledge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void aChineseRunBecomesItsOverlappingBigrams() {
    assertEquals(List.of("银行", "行卡", "卡挂", "挂失"), Tokenizer.tokens("银行卡挂失"));
  }

  @Test
  void aTwoCharacterWordIsOneTokenThatItsArticleContains() {
    List<String> query = Tokenizer.tokens("挂失");
    assertEquals(List.of("挂失"), query);
    assertTrue(Tokenizer.tokens("客户来电要求办理借记卡挂失及补卡手续").containsAll(query));
  }

  @Test
  void aSingleChineseCharacterStandsForItself() {
    assertEquals(List.of("卡"), Tokenizer.tokens("卡"));
  }

  @Test
  void latinWordsAreLowerCasedWithPluralsFoldedAndStopWordsDropped() {
    assertEquals(List.of("reset", "password", "online", "banking"), Tokenizer.tokens("How to RESET the Passwords of Online-Banking"));
    assertEquals(List.of("card"), Tokenizer.tokens("cards card CARDS"));
    assertEquals(List.of("access"), Tokenizer.tokens("access"), "ss is not a plural");
  }

  @Test
  void mixedScriptsSplitAtTheBoundaryAndFullWidthIsFolded() {
    assertEquals(List.of("atm", "故障"), Tokenizer.tokens("ATM故障"));
    assertEquals(List.of("5g", "套餐"), Tokenizer.tokens("５Ｇ套餐"), "full-width letters and digits fold to ASCII");
    assertEquals(List.of("95588", "客服", "服热", "热线"), Tokenizer.tokens("95588客服热线！"));
  }

  @Test
  void punctuationAndBlanksGiveNoTokens() {
    assertEquals(List.of(), Tokenizer.tokens("，。！？ ... --"));
    assertEquals(List.of(), Tokenizer.tokens(null));
    assertEquals(List.of(), Tokenizer.tokens("the and of"));
  }

  @Test
  void longWordsAreCutToTheColumnWidth() {
    String w = "x".repeat(100);
    assertEquals(Tokenizer.MAX_TOKEN, Tokenizer.tokens(w).get(0).length());
  }

  @Test
  void weightsRankTitleAndTagsAboveBody() {
    Map<String, Integer> w = Tokenizer.weighted("信用卡挂失", "挂失,lost card", "请核实身份后办理，密码重置另行处理");
    assertEquals(Tokenizer.BODY_WEIGHT + Tokenizer.TITLE_BONUS + Tokenizer.TAG_BONUS, w.get("挂失"));
    assertEquals(Tokenizer.BODY_WEIGHT + Tokenizer.TITLE_BONUS, w.get("信用"));
    assertEquals(Tokenizer.BODY_WEIGHT + Tokenizer.TAG_BONUS, w.get("lost"));
    assertEquals(Tokenizer.BODY_WEIGHT, w.get("密码"));
  }

  @Test
  void oneMoreMatchedTokenOutranksAnyPlacement() {
    // the ranking contract: a body-only match of two tokens beats a title+tag match of one
    assertTrue(2 * Tokenizer.BODY_WEIGHT > Tokenizer.BODY_WEIGHT + Tokenizer.TITLE_BONUS + Tokenizer.TAG_BONUS);
  }
}
