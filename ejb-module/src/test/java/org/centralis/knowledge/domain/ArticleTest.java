package org.centralis.knowledge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleTest {

  static ArticleContent content(String title, String body, ArticleStatus status) {
    return new ArticleContent(title, body, "挂失", 21L, "zh_CN", Visibility.PUBLIC, status);
  }

  @Test
  void everyChangingSaveIsTheNextVersionNamingWhatChanged() {
    Instant t0 = Instant.parse("2026-11-26T01:00:00Z");
    Article a = new Article("admin1", t0);
    ArticleVersion v1 = a.revise(content("借记卡挂失", "正文一", ArticleStatus.DRAFT), "admin1", t0, null);
    assertEquals(1, v1.getVersionNo());
    assertEquals("created", v1.getChangedFields());

    ArticleVersion v2 = a.revise(content("借记卡挂失", "正文二", ArticleStatus.PUBLISHED), "super1", t0.plusSeconds(60), "上线");
    assertEquals(2, v2.getVersionNo());
    assertEquals("body,status", v2.getChangedFields());
    assertEquals("super1", v2.getEditedBy());
    assertEquals(2, a.getCurrentVersionNo());
    assertEquals("正文二", a.getBody());
    assertEquals(a.content(), v2.content(), "the article shows its current version");
    assertEquals("正文一", v1.content().body(), "an older version keeps its full text");
  }

  @Test
  void anUnchangedSaveWritesNoVersion() {
    Instant t0 = Instant.parse("2026-11-26T01:00:00Z");
    Article a = new Article("admin1", t0);
    a.revise(content("标题", "正文", ArticleStatus.DRAFT), "admin1", t0, null);
    assertNull(a.revise(content("标题", "正文", ArticleStatus.DRAFT), "admin1", t0, null));
    assertEquals(1, a.getCurrentVersionNo());
  }

  @Test
  void tagsAreSplitOnChineseAndLatinSeparatorsAndDeduplicated() {
    assertEquals("挂失,补卡,lost card", ArticleContent.normalizeTags(" 挂失，补卡、lost card, 挂失 ,"));
    assertNull(ArticleContent.normalizeTags(" , "));
  }
}
