import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.centralis.knowledge.domain.Tokenizer;

/**
 * The knowledge search SQL alone, on an embedded H2 2.2.224 (Oracle mode) file database, without the
 * server: loads articles and index rows exported as CSV (see docs/performance.md), then times the
 * search statement of {@code KnowledgeBase.rank} for a mix of Chinese and English queries, single
 * threaded, in two variants: "join" (KB_TOKEN joined to KB_ARTICLE for the filters, plus a separate
 * COUNT query, the first version) and "token-only" (the filter columns repeated in KB_TOKEN and the
 * total from COUNT(*) OVER (), the current version).
 *
 * <pre>
 *   java -cp ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar:ejb-module/target/classes \
 *     bench/sql/KnowledgeSearchSql.java /tmp/kb-bench-articles.csv /tmp/kb-bench-tokens.csv [rounds]
 * </pre>
 */
public class KnowledgeSearchSql {

  static final String[] QUERIES = {"挂失", "转账限额", "信用卡分期", "密码重置", "宽带故障", "手续费", "手机银行", "风险评估", "password reset", "lost card", "ATM吞卡", "话费"};

  public static void main(String[] args) throws Exception {
    String articles = args[0];
    String tokens = args[1];
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path dir = Files.createTempDirectory("kb-sql-bench");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/db;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
      long t0 = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE KB_ARTICLE (ID NUMBER(19) PRIMARY KEY, TITLE VARCHAR2(200 CHAR), BODY CLOB, CATEGORY_ID NUMBER(19),"
            + " LANGUAGE VARCHAR2(8 CHAR), VISIBILITY VARCHAR2(10 CHAR), STATUS VARCHAR2(10 CHAR), USE_COUNT NUMBER(10))");
        s.execute("CREATE TABLE KB_TOKEN (TOKEN VARCHAR2(64 CHAR) NOT NULL, ARTICLE_ID NUMBER(19) NOT NULL, WEIGHT NUMBER(3) NOT NULL,"
            + " STATUS VARCHAR2(10 CHAR) NOT NULL, LANGUAGE VARCHAR2(8 CHAR) NOT NULL, VISIBILITY VARCHAR2(10 CHAR) NOT NULL, CATEGORY_ID NUMBER(19),"
            + " CONSTRAINT PK_KB_TOKEN PRIMARY KEY (TOKEN, ARTICLE_ID))");
        s.execute("INSERT INTO KB_ARTICLE SELECT CAST(ID AS NUMBER(19)), TITLE, BODY, CAST(NULLIF(CATEGORY_ID, '') AS NUMBER(19)), LANGUAGE,"
            + " VISIBILITY, STATUS, CAST(USE_COUNT AS INT) FROM CSVREAD('" + articles + "', NULL, 'charset=UTF-8')");
        s.execute("INSERT INTO KB_TOKEN SELECT TOKEN, CAST(ARTICLE_ID AS NUMBER(19)), CAST(WEIGHT AS INT), STATUS, LANGUAGE, VISIBILITY,"
            + " CAST(NULLIF(CATEGORY_ID, '') AS NUMBER(19)) FROM CSVREAD('" + tokens + "', NULL, 'charset=UTF-8')");
        s.execute("CREATE INDEX IX_KB_TOKEN_ARTICLE ON KB_TOKEN (ARTICLE_ID)");
        s.execute("ANALYZE");
      }
      System.out.printf("loaded %s articles, %s index rows in %.1f s%n", scalar(c, "SELECT COUNT(*) FROM KB_ARTICLE"),
          scalar(c, "SELECT COUNT(*) FROM KB_TOKEN"), (System.nanoTime() - t0) / 1e9);
      for (String variant : List.of("join", "token-only", "join", "token-only")) { // twice: the first pass warms up
        List<Long> times = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          for (int i = 0; i < QUERIES.length; i++) {
            List<String> t = Tokenizer.tokens(QUERIES[i]);
            int page = (r + i) % 3;
            long s0 = System.nanoTime();
            long rows = variant.equals("join") ? join(c, t, page) : tokenOnly(c, t, page);
            times.add(System.nanoTime() - s0);
            if (rows < 0) {
              throw new IllegalStateException();
            }
          }
        }
        Collections.sort(times);
        System.out.printf("%-10s %4d searches  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", variant, times.size(), ms(times, 50), ms(times, 95),
            times.get(times.size() - 1) / 1e6);
      }
      for (String q : QUERIES) {
        List<String> t = Tokenizer.tokens(q);
        System.out.printf("  %-14s tokens %-28s matching articles %s%n", q, t, count(c, t));
      }
    }
  }

  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** The first version: join for the filters, order by use count too, and a separate count. */
  static long join(Connection c, List<String> tokens, int page) throws Exception {
    int min = Math.max(1, (tokens.size() + 1) / 2);
    String where = " FROM KB_TOKEN t JOIN KB_ARTICLE a ON a.ID = t.ARTICLE_ID WHERE t.TOKEN IN (" + marks(tokens.size()) + ") AND a.STATUS IN (?)";
    long n = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT t.ARTICLE_ID, SUM(t.WEIGHT)" + where
        + " GROUP BY t.ARTICLE_ID, a.USE_COUNT HAVING COUNT(*) >= ? ORDER BY SUM(t.WEIGHT) DESC, a.USE_COUNT DESC, t.ARTICLE_ID DESC"
        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int i = bind(ps, tokens);
      ps.setString(i++, "PUBLISHED");
      ps.setInt(i++, min);
      ps.setInt(i++, page * 20);
      ps.setInt(i, 20);
      n += drain(ps);
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT t.ARTICLE_ID" + where + " GROUP BY t.ARTICLE_ID HAVING COUNT(*) >= ?) m")) {
      int i = bind(ps, tokens);
      ps.setString(i++, "PUBLISHED");
      ps.setInt(i, min);
      n += drain(ps);
    }
    return n;
  }

  /** The current version (KnowledgeBase.rank). */
  static long tokenOnly(Connection c, List<String> tokens, int page) throws Exception {
    int min = Math.max(1, (tokens.size() + 1) / 2);
    try (PreparedStatement ps = c.prepareStatement("SELECT t.ARTICLE_ID, SUM(t.WEIGHT), COUNT(*) OVER () FROM KB_TOKEN t WHERE t.TOKEN IN ("
        + marks(tokens.size()) + ") AND t.STATUS IN (?) GROUP BY t.ARTICLE_ID HAVING COUNT(*) >= ?"
        + " ORDER BY SUM(t.WEIGHT) DESC, t.ARTICLE_ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int i = bind(ps, tokens);
      ps.setString(i++, "PUBLISHED");
      ps.setInt(i++, min);
      ps.setInt(i++, page * 20);
      ps.setInt(i, 20);
      return drain(ps);
    }
  }

  static long count(Connection c, List<String> tokens) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT t.ARTICLE_ID FROM KB_TOKEN t WHERE t.TOKEN IN ("
        + marks(tokens.size()) + ") AND t.STATUS = 'PUBLISHED' GROUP BY t.ARTICLE_ID HAVING COUNT(*) >= ?) m")) {
      int i = bind(ps, tokens);
      ps.setInt(i, Math.max(1, (tokens.size() + 1) / 2));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static int bind(PreparedStatement ps, List<String> tokens) throws Exception {
    int i = 1;
    for (String t : tokens) {
      ps.setString(i++, t);
    }
    return i;
  }

  static long drain(PreparedStatement ps) throws Exception {
    long n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
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
