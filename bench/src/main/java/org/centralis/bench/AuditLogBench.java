package org.centralis.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The auditor's log page at scale, on {@code ticket-list}'s database (its bank of branches; run its load phase first):
 * {@code --phases load} adds {@code --events} audit events (two million by default; the newest 100 unsealed, as the
 * sealer leaves them for about a second), {@code measure} times one page of 20 and its total as {@code AuditTrail}
 * sends them, before and now, for the HQ auditor (the whole log), a region's auditor (the scope's subquery) and an actor
 * filter.
 *
 * <pre>
 *   java -Xmx2g -cp $CP org.centralis.bench.Bench audit-log --dir /tmp/ticket-list-bench --phases load,measure
 * </pre>
 *
 * <p>Before: the page's whole rows ordered over the whole log, paged by ROWNUM, and an exact COUNT (the table since
 * the seventh session), or at most cap + 1 ids paged by ROWNUM (the ninth session's cap). Now: the newest ids window by
 * window of sequence numbers, the page's rows by id, and the total counted by windows up to the cap. Before timing each
 * "now" page is compared with a plain {@code ORDER BY … OFFSET … FETCH} query and must hold the same events.
 */
final class AuditLogBench {

  private static final int LIMIT = 20;
  private static final int CAP = 10_000;
  private static final long WINDOW = 10_000;
  private static final String COLUMNS = "ID, SEQ_NO, OCCURRED_AT, ACTOR_LOGIN, ACTOR_ROLE, ACTOR_BRANCH_ID, CLIENT_IP, ACTION, TARGET_TYPE, TARGET_ID,"
      + " BEFORE_SUMMARY, AFTER_SUMMARY, PREV_HASH, HASH";
  private static final String SEALED_ORDER = " ORDER BY SEQ_NO DESC, ID DESC";

  private AuditLogBench() {}

  /** Who looks, and for what: the scope (null for HQ's whole log) and an actor (or null). */
  record Look(String scope, String actor) {
    String where() {
      return " WHERE (1 = 1)" + (scope == null ? "" : " AND ACTOR_BRANCH_ID IN (SELECT ID FROM BRANCH WHERE PATH LIKE ?)")
          + (actor == null ? "" : " AND (ACTOR_LOGIN = ?)");
    }

    int bind(PreparedStatement ps) throws SQLException {
      int i = 1;
      if (scope != null) {
        ps.setString(i++, scope + "%");
      }
      if (actor != null) {
        ps.setString(i++, actor);
      }
      return i;
    }
  }

  static Map<String, Object> run(Bench.Args args) throws Exception {
    Path dir = Path.of(args.str("dir", "/tmp/ticket-list-bench"));
    int events = args.integer("events", 2_000_000, 1_000, 20_000_000);
    int seconds = args.integer("seconds", 15, 1, 600);
    int warmup = args.integer("warmup-seconds", 3, 0, 300);
    List<String> phases = List.of(args.str("phases", "measure").split(","));
    ReportBench.LoadSampler load = ReportBench.LoadSampler.start();
    Map<String, Object> out = SqlBench.header("audit-log");
    if (phases.contains("load")) {
      load.mark();
      out.put("load", load(dir, events));
    }
    String url = SqlBench.measureUrl(dir, 0);
    try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
      out.put("events", SqlBench.count(keeper, "SELECT COUNT(*) FROM AUDIT_EVENT"));
      Look hq = new Look(null, null);
      Look region = new Look(TicketListBench.Generator.regionPath(0), null);
      Look actor = new Look(null, "outlet-staff-7");
      Map<String, Object> checks = new LinkedHashMap<>();
      for (Look l : List.of(hq, region, actor)) {
        for (int offset : new int[] {0, 9_980}) {
          List<Long> now = pageNow(keeper, l, offset);
          List<Long> plain = plain(keeper, l, offset);
          if (!now.equals(plain) || (offset == 0 && now.isEmpty())) {
            throw new IllegalStateException(l + " at " + offset + ": now " + now + ", the plain query " + plain);
          }
          checks.put(l + " at " + offset, now.size() + " events, the same");
        }
      }
      out.put("checks", checks);
      List<SqlBench.Scenario> all = new ArrayList<>();
      for (Object[] s : new Object[][] {{"hq", hq}, {"region", region}, {"actor", actor}}) {
        Look l = (Look) s[1];
        all.add(new SqlBench.Scenario(s[0] + "-before", s[0] + ": whole rows over the whole log by ROWNUM, and the exact COUNT",
            (c, r) -> pageBefore(c, l) + count(c, "SELECT COUNT(ID) FROM AUDIT_EVENT" + l.where(), l, null)));
        all.add(new SqlBench.Scenario(s[0] + "-ids-cap", s[0] + ": the same page, and at most cap + 1 ids by ROWNUM (the ninth session)",
            (c, r) -> pageBefore(c, l) + idsCapped(c, l)));
        all.add(new SqlBench.Scenario((String) s[0], s[0] + ": ids window by window of sequence numbers, rows by id, total by windows",
            (c, r) -> rows(c, pageNow(c, l, 0)) + countNow(c, l)));
      }
      List<String> names = List.of(args.str("scenarios", "all").split(","));
      SqlBench.timeEach(out, url, all.stream().filter(s -> names.contains("all") || names.contains(s.name())).toList(), 1, warmup, seconds,
          100_000, 42, load);
    }
    return SqlBench.finish(out, load);
  }

  /** Events of every branch of the bank, the newest 100 unsealed; one INSERT … SELECT, then ANALYZE and a compaction. */
  private static Map<String, Object> load(Path dir, int events) throws Exception {
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(SqlBench.loadUrl(dir), "sa", "")) {
      c.createStatement().execute("DELETE FROM AUDIT_EVENT");
      int sealed = events - 100;
      c.createStatement().execute("INSERT INTO AUDIT_EVENT (" + COLUMNS + ") SELECT X, CASE WHEN X <= " + sealed + " THEN X END,"
          + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + X * INTERVAL '10' SECOND,"
          + " 'outlet-staff-' || MOD(X, 5000), 'BRANCH_STAFF', (SELECT MIN(ID) FROM BRANCH) + MOD(X, (SELECT COUNT(*) FROM BRANCH)), '10.0.0.1',"
          + " CASE MOD(X, 7) WHEN 0 THEN 'CUSTOMER_IDENTIFIER_REVEALED' ELSE 'TICKET_CREATED' END, 'TICKET', 'T' || X, NULL,"
          + " 'INQUIRY/CARD-LOSS NORMAL NEW', CASE WHEN X <= " + sealed + " THEN 'p' END, CASE WHEN X <= " + sealed + " THEN 'h' END"
          + " FROM SYSTEM_RANGE(1, " + events + ")");
      c.createStatement().execute("ANALYZE");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", events);
    m.put("insertSeconds", SqlBench.seconds(t0));
    m.put("compactSeconds", SqlBench.compact(dir));
    return m;
  }

  /** Before: whole rows ordered over the whole log, the page by ROWNUM (EclipseLink on Oracle12Platform). */
  private static long pageBefore(Connection c, Look l) throws SQLException {
    String sql = "SELECT * FROM (SELECT a.*, ROWNUM rnum  FROM (SELECT " + COLUMNS + " FROM AUDIT_EVENT" + l.where() + SEALED_ORDER
        + ") a WHERE ROWNUM <= ?) WHERE rnum > ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = l.bind(ps);
      ps.setInt(i++, LIMIT);
      ps.setInt(i, 0);
      return TicketListBench.readAll(ps, null);
    }
  }

  /** The ninth session's total: at most cap + 1 ids, by ROWNUM. */
  private static long idsCapped(Connection c, Look l) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(paged("SELECT ID AS a1 FROM AUDIT_EVENT" + l.where()))) {
      int i = l.bind(ps);
      ps.setInt(i++, CAP + 1);
      ps.setInt(i, 0);
      return TicketListBench.readAll(ps, null);
    }
  }

  /** AuditTrail.newestIds: the unsealed, then the window of the newest sequence numbers, then the whole chain. */
  static List<Long> pageNow(Connection c, Look l, int offset) throws SQLException {
    int wanted = offset + LIMIT;
    Set<Long> ids = new LinkedHashSet<>(ids(c, "SELECT ID AS a1 FROM AUDIT_EVENT" + l.where() + " AND (SEQ_NO IS NULL) ORDER BY ID DESC", l, null, wanted));
    long head = count(c, "SELECT MAX(SEQ_NO) FROM AUDIT_EVENT", new Look(null, null), null);
    if (ids.size() < wanted) {
      int missing = wanted - ids.size();
      List<Long> sealed = ids(c, "SELECT ID AS a1 FROM AUDIT_EVENT" + l.where() + " AND (SEQ_NO > ?)" + SEALED_ORDER, l, head - WINDOW, missing);
      if (sealed.size() < missing) {
        sealed = ids(c, "SELECT ID AS a1 FROM AUDIT_EVENT" + l.where() + " AND (SEQ_NO IS NOT NULL)" + SEALED_ORDER, l, null, missing);
      }
      ids.addAll(sealed);
    }
    List<Long> all = new ArrayList<>(ids);
    return all.subList(Math.min(offset, all.size()), Math.min(wanted, all.size()));
  }

  /** AuditTrail.countAtMost: the unsealed, then windows of cap + 1 and ten times that, then the whole chain. */
  private static long countNow(Connection c, Look l) throws SQLException {
    long unsealed = count(c, "SELECT COUNT(ID) FROM AUDIT_EVENT" + l.where() + " AND (SEQ_NO IS NULL)", l, null);
    long head = count(c, "SELECT MAX(SEQ_NO) FROM AUDIT_EVENT", new Look(null, null), null);
    for (long window : new long[] {CAP + 1L, 10L * (CAP + 1)}) {
      long sealed = count(c, "SELECT COUNT(ID) FROM AUDIT_EVENT" + l.where() + " AND (SEQ_NO > ?)", l, head - window);
      if (unsealed + sealed > CAP) {
        return unsealed + sealed;
      }
    }
    return unsealed + count(c, "SELECT COUNT(ID) FROM AUDIT_EVENT" + l.where() + " AND (SEQ_NO IS NOT NULL)", l, null);
  }

  /** The plain query of the same meaning, for the check. */
  private static List<Long> plain(Connection c, Look l, int offset) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM AUDIT_EVENT" + l.where() + " ORDER BY SEQ_NO DESC NULLS FIRST, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int i = l.bind(ps);
      ps.setInt(i++, offset);
      ps.setInt(i, LIMIT);
      TicketListBench.readAll(ps, ids);
    }
    return ids;
  }

  private static String paged(String sql) {
    return "SELECT * FROM (SELECT a.*, ROWNUM rnum  FROM (" + sql + ") a WHERE ROWNUM <= ?) WHERE rnum > ?";
  }

  private static List<Long> ids(Connection c, String sql, Look l, Long from, int max) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(paged(sql))) {
      int i = l.bind(ps);
      if (from != null) {
        ps.setLong(i++, from);
      }
      ps.setInt(i++, max);
      ps.setInt(i, 0);
      TicketListBench.readAll(ps, ids);
    }
    return ids;
  }

  private static long count(Connection c, String sql, Look l, Long from) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = l.bind(ps);
      if (from != null) {
        ps.setLong(i, from);
      }
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** The page's events by id: {@code SELECT e FROM AuditEvent e WHERE e.id IN :ids}. */
  private static long rows(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM AUDIT_EVENT WHERE (ID IN (" + "?,".repeat(ids.size() - 1) + "?))")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(i + 1, ids.get(i));
      }
      return TicketListBench.readAll(ps, null);
    }
  }
}
