package org.centralis.knowledge.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.centralis.knowledge.domain.Tokenizer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search statement of {@link KnowledgeBase} on the real schema (H2 Oracle mode, Flyway): it must read the covering
 * index IX_KB_TOKEN_SEARCH (V29), whatever the filters, and still find a 2-character Chinese word, give the exact total
 * and rank title matches first.
 */
class KnowledgeSearchQueryTest {

  @TempDir static Path dir;
  private static String url;

  @BeforeAll
  static void data() throws SQLException {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        PreparedStatement ps = c.prepareStatement("INSERT INTO KB_TOKEN (TOKEN, ARTICLE_ID, WEIGHT, STATUS, LANGUAGE, VISIBILITY, CATEGORY_ID)"
            + " VALUES (?, ?, ?, ?, 'zh_CN', ?, NULL)")) {
      s.execute("SET REFERENTIAL_INTEGRITY FALSE"); // the index rows alone decide the search
      for (int id = 1; id <= 300; id++) {
        // 1: lost card in the title; 2: lost card in the body, internal; 3: a draft about it; the rest only share 手机银行
        String title = id == 1 ? "借记卡挂失" : "手机银行转账 第" + id + "号";
        String body = id <= 3 ? "客户来电要求办理借记卡挂失，请先核实客户身份" : "手机银行转账限额为单笔5万元，请先核实客户身份";
        for (Map.Entry<String, Integer> e : Tokenizer.weighted(title, null, body).entrySet()) {
          ps.setString(1, e.getKey());
          ps.setLong(2, id);
          ps.setInt(3, e.getValue());
          ps.setString(4, id == 3 ? "DRAFT" : "PUBLISHED");
          ps.setString(5, id == 2 ? "INTERNAL" : "PUBLIC");
          ps.addBatch();
        }
      }
      ps.executeBatch();
      s.execute("ANALYZE");
    }
  }

  private static final KnowledgeBase.Filter PUBLISHED = new KnowledgeBase.Filter(List.of("PUBLISHED"), null, null, null);

  @Test
  void readsTheCoveringIndexWithAnyFilter() throws SQLException {
    for (KnowledgeBase.Filter f : List.of(
        PUBLISHED,
        new KnowledgeBase.Filter(List.of("DRAFT", "PUBLISHED", "ARCHIVED"), null, null, null),
        new KnowledgeBase.Filter(List.of("PUBLISHED"), "zh_CN", "PUBLIC", Set.of(1L, 2L)))) {
      String plan = plan(Tokenizer.tokens("手机银行"), f);
      assertTrue(plan.contains("IX_KB_TOKEN_SEARCH"), plan);
    }
  }

  @Test
  void aTwoCharacterWordFindsItsArticlesWithTheExactTotalTitleFirst() throws SQLException {
    List<long[]> hits = search(List.of("挂失"), 1, PUBLISHED, 0, 20);
    assertEquals(List.of(1L, 2L), hits.stream().map(h -> h[0]).toList()); // the draft (3) is not published
    assertEquals(2, hits.get(0)[2]);
    assertTrue(hits.get(0)[1] > hits.get(1)[1], "a title match outranks a body match");
  }

  @Test
  void filtersAndTheTotalBeyondThePage() throws SQLException {
    KnowledgeBase.Filter publicOnly = new KnowledgeBase.Filter(List.of("PUBLISHED"), null, "PUBLIC", null);
    assertEquals(List.of(1L), search(List.of("挂失"), 1, publicOnly, 0, 20).stream().map(h -> h[0]).toList());
    assertEquals(List.of(), search(List.of("挂失"), 1, new KnowledgeBase.Filter(List.of("PUBLISHED"), "en", null, null), 0, 20));
    assertEquals(List.of(), search(List.of("挂失"), 1, new KnowledgeBase.Filter(List.of("PUBLISHED"), "zh_CN", "PUBLIC", Set.of(7L)), 0, 20));
    assertEquals(2, search(List.of("挂失"), 1, new KnowledgeBase.Filter(List.of("PUBLISHED"), "zh_CN", null, null), 0, 20).size());
    List<long[]> page = search(Tokenizer.tokens("手机银行"), 2, PUBLISHED, 20, 20);
    assertEquals(20, page.size());
    assertEquals(298, page.get(0)[2]); // 300 less article 1 (no 手机银行 at all) and the draft
  }

  private static List<long[]> search(List<String> tokens, int minMatch, KnowledgeBase.Filter filter, int offset, int limit) throws SQLException {
    List<Object> params = new ArrayList<>(tokens);
    String sql = KnowledgeBase.rankSql(KnowledgeBase.matching(tokens.size(), minMatch, filter, params));
    params.add(offset);
    params.add(limit);
    List<long[]> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", ""); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
      }
    }
    return out;
  }

  private static String plan(List<String> tokens, KnowledgeBase.Filter filter) throws SQLException {
    List<Object> params = new ArrayList<>(tokens);
    String sql = "EXPLAIN " + KnowledgeBase.rankSql(KnowledgeBase.matching(tokens.size(), 1, filter, params));
    params.addAll(List.of(0, 20));
    try (Connection c = DriverManager.getConnection(url, "sa", ""); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    return ps;
  }
}
