import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.centralis.knowledge.domain.Tokenizer;

/**
 * The knowledge search SQL alone, on an embedded H2 2.2.224 (Oracle mode) file database, without the server.
 *
 * <p>Generates the benchmark corpus itself, the way {@code kb-search --seed 10000} does through the API (same phrases,
 * same {@code Random(n)} per article, ~400 characters, title "phrase 第n号", tag "bench", every third article INTERNAL,
 * all PUBLISHED) and indexes it with the application's {@link Tokenizer#weighted}: 10,000 articles, ~1.32 million
 * KB_TOKEN rows, every query matching 35–96 % of the articles (the worst case for an inverted index). Then times the
 * search statement of {@code KnowledgeBase.rank} for the kb-search queries, single threaded, pages 1–3 in turn, first on
 * the V10 schema (primary key and IX_KB_TOKEN_ARTICLE only), then after V29's covering index IX_KB_TOKEN_SEARCH, each
 * without and with a visibility filter (in HAVING, as the application does since V29: in WHERE, H2 turns it into a scan
 * to the index's end). Every phase runs twice and the second pass is reported (the first warms up).
 *
 * <pre>
 *   javac -d /tmp/kb-cls ejb-module/src/main/java/org/centralis/knowledge/domain/Tokenizer.java
 *   java -cp ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar:/tmp/kb-cls bench/sql/KnowledgeSearchSql.java [rounds] [articles]
 * </pre>
 */
public class KnowledgeSearchSql {

  /** As {@code KnowledgeSearchBench.PHRASES}. */
  static final String[] PHRASES = {
    "客户来电要求办理借记卡挂失", "请先核实客户身份", "手机银行转账限额为单笔5万元", "信用卡账单分期可选3、6、12期", "网上银行登录密码重置",
    "宽带无法上网请检查光猫", "话费查询可发送短信", "跨行转账手续费按笔收取", "理财产品需完成风险评估", "大额存单起存金额20万元",
    "ATM吞卡须在3个工作日内领取", "预留手机号变更需本人办理", "投诉须在15个自然日内答复", "账户余额查询渠道包括手机银行", "临时额度有效期最长90天",
    "POS机故障派单至运营支持组", "套餐变更次月生效", "欠费停机缴费后自动复机", "提前还款需提前预约", "交易明细可在手机银行导出",
    "Verify the caller's identity before any change", "Transfer limits can be lowered in the app", "Reset the password with an SMS code",
    "Instalment fees are charged monthly", "Report a lost card to block it", "Broadband faults are fixed within 24 hours"};

  static final String[] QUERIES = {"挂失", "转账限额", "信用卡分期", "密码重置", "宽带故障", "手续费", "手机银行", "风险评估", "password reset", "lost card", "ATM吞卡", "话费"};

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int articles = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dir = Files.createTempDirectory("kb-sql-bench");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/db;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
      long t0 = System.nanoTime();
      load(c, articles);
      System.out.printf("loaded %s articles' index, %s rows, in %.1f s%n", articles, scalar(c, "SELECT COUNT(*) FROM KB_TOKEN"), (System.nanoTime() - t0) / 1e9);
      for (String q : QUERIES) {
        System.out.printf("  %-14s tokens %-28s matching articles %s%n", q, Tokenizer.tokens(q), search(c, Tokenizer.tokens(q), 0, null)[0]);
      }
      measure(c, "V10 schema", null, rounds);
      measure(c, "V10 schema, PUBLIC only", "PUBLIC", rounds);
      try (Statement s = c.createStatement()) {
        t0 = System.nanoTime();
        s.execute("CREATE INDEX IX_KB_TOKEN_SEARCH ON KB_TOKEN (TOKEN, STATUS, ARTICLE_ID, WEIGHT, LANGUAGE, VISIBILITY, CATEGORY_ID)"); // V29
        s.execute("ANALYZE");
        System.out.printf("V29 index built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      }
      measure(c, "V29 covering index", null, rounds);
      measure(c, "V29, PUBLIC only", "PUBLIC", rounds);
    }
  }

  static void measure(Connection c, String label, String visibility, int rounds) throws Exception {
    for (int pass = 0; pass < 2; pass++) {
      List<Long> times = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < QUERIES.length; i++) {
          List<String> t = Tokenizer.tokens(QUERIES[i]);
          long s0 = System.nanoTime();
          search(c, t, (r + i) % 3, visibility);
          times.add(System.nanoTime() - s0);
        }
      }
      Collections.sort(times);
      if (pass == 1) {
        System.out.printf("%-26s %4d searches  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", label, times.size(), ms(times, 50),
            ms(times, 95), ms(times, 99), times.get(times.size() - 1) / 1e6);
      }
    }
  }

  /** The schema of V10 (KB_TOKEN only: the search reads no other table) and the generated corpus's index rows. */
  static void load(Connection c, int articles) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE KB_TOKEN (TOKEN VARCHAR2(64 CHAR) NOT NULL, ARTICLE_ID NUMBER(19) NOT NULL, WEIGHT NUMBER(3) NOT NULL,"
          + " STATUS VARCHAR2(10 CHAR) NOT NULL, LANGUAGE VARCHAR2(8 CHAR) NOT NULL, VISIBILITY VARCHAR2(10 CHAR) NOT NULL, CATEGORY_ID NUMBER(19),"
          + " CONSTRAINT PK_KB_TOKEN PRIMARY KEY (TOKEN, ARTICLE_ID))");
    }
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO KB_TOKEN VALUES (?, ?, ?, 'PUBLISHED', 'zh_CN', ?, NULL)")) {
      for (int n = 0; n < articles; n++) {
        Random r = new Random(n); // as KnowledgeSearchBench.seedArticles
        StringBuilder body = new StringBuilder();
        while (body.length() < 400) {
          body.append(PHRASES[r.nextInt(PHRASES.length)]).append(r.nextBoolean() ? "。" : "，");
        }
        String title = PHRASES[r.nextInt(PHRASES.length)] + " 第" + n + "号";
        for (Map.Entry<String, Integer> e : Tokenizer.weighted(title, "bench", body.toString()).entrySet()) {
          ps.setString(1, e.getKey());
          ps.setLong(2, 1000 + n);
          ps.setInt(3, e.getValue());
          ps.setString(4, n % 3 == 0 ? "INTERNAL" : "PUBLIC");
          ps.addBatch();
        }
        if (n % 200 == 199) {
          ps.executeBatch();
          c.commit();
        }
      }
      ps.executeBatch();
      c.commit();
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX IX_KB_TOKEN_ARTICLE ON KB_TOKEN (ARTICLE_ID)");
      s.execute("ANALYZE");
    }
  }

  /** {@code KnowledgeBase.rank}'s statement for a reader (PUBLISHED only); answers {total, rows}. */
  static long[] search(Connection c, List<String> tokens, int page, String visibility) throws Exception {
    int min = Math.max(1, (tokens.size() + 1) / 2);
    try (PreparedStatement ps = c.prepareStatement("SELECT t.ARTICLE_ID, SUM(t.WEIGHT), COUNT(*) OVER () FROM KB_TOKEN t WHERE t.TOKEN IN ("
        + String.join(", ", Collections.nCopies(tokens.size(), "?")) + ") AND t.STATUS IN (?)"
        + " GROUP BY t.ARTICLE_ID HAVING COUNT(*) >= ?" + (visibility == null ? "" : " AND MAX(t.VISIBILITY) = ?") + " ORDER BY SUM(t.WEIGHT) DESC, t.ARTICLE_ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int i = 1;
      for (String t : tokens) {
        ps.setString(i++, t);
      }
      ps.setString(i++, "PUBLISHED");
      ps.setInt(i++, min);
      if (visibility != null) {
        ps.setString(i++, visibility);
      }
      ps.setInt(i++, page * 20);
      ps.setInt(i, 20);
      long total = 0;
      long rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          total = rs.getLong(3);
        }
      }
      return new long[] {total, rows};
    }
  }

  static String scalar(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static double ms(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }
}
