package org.centralis.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Customer lookup at scale (issue: "customer lookup by phone / ID number / account with 10,000,000 customers: p99 < 5
 * ms"), without the application server: an H2 file database in Oracle mode built by the project's migrations, loaded
 * with N customers (each with a mobile phone, an 18-character ID number and one or two accounts), then the SQL that
 * {@code CustomerDirectory.lookup} runs — the named query of the identifier kind and the lazy load of each found
 * customer's accounts, as EclipseLink generates them (captured with {@code bench/sql/ServiceSqlCapture.java}) — timed
 * per kind; one scenario adds the CUSTOMER_LOOKUP audit record that the service writes in the same transaction.
 *
 * <pre>
 *   CP=bench/target/classes:$(cat /tmp/lb.cp)      # see TicketListBench
 *   java -Xmx3g -cp $CP org.centralis.bench.Bench customer-lookup --dir /tmp/customer-lookup-bench --phases load,measure \
 *       [--customers 10000000] [--threads 1] [--seconds 20] [--warmup-seconds 5] [--seed 42] [--explain true] \
 *       [--scenarios phone-hq,...] [--cache-mb 0]
 * </pre>
 *
 * {@code load} deletes and rebuilds {@code <dir>/db.mv.db} and compacts it; {@code measure} only reads (the audited
 * scenario also writes audit rows). The bank is TicketListBench's (HQ, 5 regions, 20 cities, 100 outlets).
 *
 * Every identifier is a function of the customer's number (a bijective scramble), so the measurement can pick existing
 * values without reading them first, and the values are unique, as a bank's are.
 */
final class CustomerLookupBench {

  private CustomerLookupBench() {}

  static Map<String, Object> run(Bench.Args args) throws Exception {
    Path dir = Path.of(args.str("dir", "/tmp/customer-lookup-bench"));
    int customers = args.integer("customers", 10_000_000, 1_000, 20_000_000);
    int threads = args.integer("threads", 1, 1, 16);
    int seconds = args.integer("seconds", 20, 1, 600);
    int warmup = args.integer("warmup-seconds", 5, 0, 300);
    int maxCalls = args.integer("max-calls", 1_000_000, 1, 5_000_000);
    int seed = args.integer("seed", 42, 0, Integer.MAX_VALUE);
    List<String> phases = List.of(args.str("phases", "load,measure").split(","));
    ReportBench.LoadSampler load = ReportBench.LoadSampler.start();
    Map<String, Object> out = SqlBench.header("customer-lookup");
    if (phases.contains("load")) {
      load.mark();
      Map<String, Object> l = load(dir, customers, seed, args.str("migrate-to", null));
      l.put("loadAverage", load.since());
      out.put("load", l);
    }
    if (phases.contains("measure")) {
      String url = SqlBench.measureUrl(dir, args.integer("cache-mb", 0, 0, 16_384));
      long open0 = System.nanoTime();
      try (Connection keeper = DriverManager.getConnection(url, "sa", "")) { // open once, as in the server
        out.put("openSeconds", SqlBench.seconds(open0)); // see docs/performance.md: H2 rebuilds a unique index per open
        long n = SqlBench.count(keeper, "SELECT MAX(ID) FROM CUSTOMER");
        out.put("customers", n);
        out.put("accounts", SqlBench.count(keeper, "SELECT COUNT(*) FROM CUSTOMER_ACCOUNT"));
        out.put("indexes", indexCounts(keeper));
        // audit ids above every earlier run's on this database (a second measure run must not reuse them)
        AUDIT_IDS.set(Math.max(1_000_000_000L, SqlBench.count(keeper, "SELECT COALESCE(MAX(ID), 0) FROM AUDIT_EVENT")));
        List<Scenario> chosen = Scenario.chosen(args.str("scenarios", "all"));
        out.put("checks", check(url, chosen, n));
        if (args.flag("explain")) {
          out.put("plans", plans(keeper, chosen, n));
        }
        SqlBench.timeEach(out, url,
            chosen.stream().map(s -> new SqlBench.Scenario(s.name(), s.what(), (c, r) -> s.call().run(c, r, n))).toList(),
            threads, warmup, seconds, maxCalls, seed, load);
      }
    }
    return SqlBench.finish(out, load);
  }

  // ------------------------------------------------------------------------------------------------------- load --

  private static Map<String, Object> load(Path dir, int customers, long seed, String migrateTo) throws Exception {
    long t0 = System.nanoTime();
    Map<String, Object> out = SqlBench.freshLoad(dir, migrateTo);
    try (Connection c = DriverManager.getConnection(SqlBench.url(dir), "sa", "")) {
      c.setAutoCommit(false);
      // The same bank as the ticket list: HQ, 5 regions, 20 city branches, 100 outlets, their staff.
      new TicketListBench.Generator(c, new SplittableRandom(seed)).organization();
      Set<String> declared = indexSignature(c);
      dropSecondaryIndexes(c);
      long t1 = System.nanoTime();
      SplittableRandom r = new SplittableRandom(seed);
      long accounts = 0;
      try (SqlBench.Inserts batches = new SqlBench.Inserts(c)) {
        SqlBench.Inserts.Insert cu = batches.add("INSERT INTO CUSTOMER (ID, CUSTOMER_NO, KIND, NAME, TIER, BRANCH_ID, BRANCH_PATH, PHONE, ID_TYPE,"
            + " ID_NUMBER, LANGUAGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'zh')");
        SqlBench.Inserts.Insert ac = batches.add("INSERT INTO CUSTOMER_ACCOUNT (ID, CUSTOMER_ID, ACCOUNT_NO, PRODUCT, STATUS, OPENED_ON)"
            + " VALUES (?, ?, ?, ?, 'ACTIVE', ?)");
        for (long i = 1; i <= customers; i++) {
          int outlet = (int) (Ids.mix(i) % TicketListBench.OUTLETS);
          boolean company = i % 20 == 0;
          cu.row(i, Ids.customerNo(i), company ? "COMPANY" : "PERSON", company ? "企业客户" + i : NAMES[r.nextInt(NAMES.length)] + i,
              TIERS[r.nextInt(100) < 80 ? 0 : 1 + r.nextInt(TIERS.length - 1)], TicketListBench.Generator.outlet(outlet),
              TicketListBench.Generator.outletPath(outlet), Ids.phone(i), company ? "BUSINESS_LICENSE" : "RESIDENT_ID", Ids.idNumber(i));
          for (int k = 0; k < Ids.accounts(i); k++) {
            accounts++;
            ac.row(2 * i - 1 + k, i, Ids.accountNo(i, k), PRODUCTS[r.nextInt(PRODUCTS.length)], LocalDate.of(2005, 1, 1).plusDays(r.nextInt(7_300)));
          }
          if (i % 500_000 == 0) {
            System.err.printf("customers %d (%.0f s)%n", i, (System.nanoTime() - t1) / 1e9);
          }
        }
      }
      out.put("customers", (long) customers);
      out.put("accounts", accounts);
      out.put("customerSeconds", SqlBench.seconds(t1));
      long tIndex = System.nanoTime();
      createSecondaryIndexes(c);
      out.put("indexSeconds", SqlBench.seconds(tIndex));
      Set<String> built = indexSignature(c);
      if (!built.equals(declared)) {
        throw new IllegalStateException("indexes differ from the migrations': " + declared + " vs " + built);
      }
      out.put("indexesAsMigrated", built);
      long t2 = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE"); // the selectivities the server would have after its own automatic analyses
      }
      c.commit();
      out.put("analyzeSeconds", SqlBench.seconds(t2));
      out.put("dbFileMBBeforeCompact", SqlBench.fileMB(dir));
    }
    out.put("compactSeconds", SqlBench.compact(dir));
    out.put("loadSeconds", SqlBench.seconds(t0));
    out.put("dbFileMB", SqlBench.fileMB(dir));
    return out;
  }

  // ------------------------------------------------------------------------------------- indexes during the load --

  /**
   * V2__customer.sql's unique constraints, foreign key and indexes on the two tables, in its order. Inserting 10 million
   * rows into four random-keyed B-trees with a commit every 10,000 rows rewrites most of their pages at every commit
   * (a 300,000-customer trial wrote a 2.7 GB file in 108 s): they are dropped before the load and built here afterwards,
   * and {@link #indexSignature} checks that the result matches what the migrations created.
   */
  private static final String[] SECONDARY = {
    "ALTER TABLE CUSTOMER ADD CONSTRAINT UK_CUSTOMER_NO UNIQUE (CUSTOMER_NO)",
    "CREATE INDEX IX_CUSTOMER_PHONE ON CUSTOMER (PHONE)",
    "CREATE INDEX IX_CUSTOMER_ID_NUMBER ON CUSTOMER (ID_NUMBER)",
    "CREATE INDEX IX_CUSTOMER_BRANCH_PATH ON CUSTOMER (BRANCH_PATH)",
    "ALTER TABLE CUSTOMER_ACCOUNT ADD CONSTRAINT UK_CUSTOMER_ACCOUNT_NO UNIQUE (ACCOUNT_NO)",
    "ALTER TABLE CUSTOMER_ACCOUNT ADD CONSTRAINT FK_CUSTOMER_ACCOUNT_CUSTOMER FOREIGN KEY (CUSTOMER_ID) REFERENCES CUSTOMER (ID)",
    "CREATE INDEX IX_CUSTOMER_ACCOUNT_CUSTOMER ON CUSTOMER_ACCOUNT (CUSTOMER_ID)"};

  private static void dropSecondaryIndexes(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE CUSTOMER_ACCOUNT DROP CONSTRAINT FK_CUSTOMER_ACCOUNT_CUSTOMER");
      s.execute("ALTER TABLE CUSTOMER_ACCOUNT DROP CONSTRAINT UK_CUSTOMER_ACCOUNT_NO");
      s.execute("ALTER TABLE CUSTOMER DROP CONSTRAINT UK_CUSTOMER_NO");
      for (String ix : List.of("IX_CUSTOMER_PHONE", "IX_CUSTOMER_ID_NUMBER", "IX_CUSTOMER_BRANCH_PATH", "IX_CUSTOMER_ACCOUNT_CUSTOMER")) {
        s.execute("DROP INDEX " + ix);
      }
      // H2 in Oracle mode adds a copy of each unique constraint's index whenever the database is opened (see
      // docs/performance.md); such copies outlive the constraint and would be maintained during the load.
      List<String> copies = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC'"
          + " AND TABLE_NAME IN ('CUSTOMER', 'CUSTOMER_ACCOUNT') AND INDEX_NAME LIKE 'UK\\_%'")) {
        while (r.next()) {
          copies.add(r.getString(1));
        }
      }
      for (String ix : copies) {
        s.execute("DROP INDEX \"" + ix + "\"");
      }
    }
    c.commit();
  }

  private static void createSecondaryIndexes(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : SECONDARY) {
        long t0 = System.nanoTime();
        s.execute(ddl);
        c.commit();
        System.err.printf("%s: %.0f s%n", ddl, (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /** Each index of the two tables as "table unique? (columns)", duplicates folded: what the load must reproduce. */
  static Set<String> indexSignature(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "SELECT i.TABLE_NAME, i.INDEX_TYPE_NAME, LISTAGG(ic.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY ic.ORDINAL_POSITION)"
            + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic"
            + " ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME"
            + " WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.TABLE_NAME IN ('CUSTOMER', 'CUSTOMER_ACCOUNT')"
            + " GROUP BY i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME")) {
      while (r.next()) {
        out.add(r.getString(1) + " " + r.getString(2) + " (" + r.getString(3) + ")");
      }
    }
    return out;
  }

  /** How many indexes each table has now (the unique-index copies H2 adds per open show up here). */
  static Map<String, Long> indexCounts(Connection c) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT TABLE_NAME, COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME IN ('CUSTOMER', 'CUSTOMER_ACCOUNT') GROUP BY TABLE_NAME ORDER BY TABLE_NAME")) {
      while (r.next()) {
        out.put(r.getString(1), r.getLong(2));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- measure --

  /** The customer columns in EclipseLink's order for {@code SELECT c FROM Customer c}. */
  static final String COLUMNS = "ID AS a1, BRANCH_ID AS a2, BRANCH_PATH AS a3, CUSTOMER_NO AS a4, EMAIL AS a5, ID_NUMBER AS a6, ID_TYPE AS a7,"
      + " KIND AS a8, LANGUAGE AS a9, NAME AS a10, PHONE AS a11, TIER AS a12, VERSION AS a13";
  /** Oracle12Platform's ROWNUM paging around the named query, for {@code setMaxResults(20)}. */
  static final String PAGE_OPEN = "SELECT * FROM (SELECT a.*, ROWNUM rnum  FROM (";
  static final String PAGE_CLOSE = ") a WHERE ROWNUM <= ?) WHERE rnum > ?";
  /** Customer.findByPhone / findByIdNumber / findByAccountNo as EclipseLink prints them. */
  static final String BY_PHONE = PAGE_OPEN + "SELECT " + COLUMNS + " FROM CUSTOMER WHERE ((PHONE = ?) AND BRANCH_PATH LIKE ?)" + PAGE_CLOSE;
  static final String BY_ID_NUMBER = PAGE_OPEN + "SELECT " + COLUMNS + " FROM CUSTOMER WHERE ((ID_NUMBER = ?) AND BRANCH_PATH LIKE ?)" + PAGE_CLOSE;
  static final String BY_ACCOUNT = PAGE_OPEN + "SELECT " + COLUMNS.replaceAll("(\\w+) AS", "t1.$1 AS")
      + " FROM CUSTOMER_ACCOUNT t0, CUSTOMER t1 WHERE (((t0.ACCOUNT_NO = ?) AND t1.BRANCH_PATH LIKE ?) AND (t0.CUSTOMER_ID = t1.ID))" + PAGE_CLOSE;
  /** The lazy {@code accounts} list that {@code CustomerView.of} reads for each customer found (@OrderBy accountNo). */
  static final String ACCOUNTS = "SELECT ID, ACCOUNT_NO, OPENED_ON, PRODUCT, STATUS, VERSION, CUSTOMER_ID FROM CUSTOMER_ACCOUNT WHERE (CUSTOMER_ID = ?)"
      + " ORDER BY ACCOUNT_NO ASC";
  /** AuditTrail.record since V32: one insert of the unsealed event (the sealer chains it after the commit). */
  static final String AUDIT_INSERT = "INSERT INTO AUDIT_EVENT (ID, ACTION, ACTOR_BRANCH_ID, ACTOR_LOGIN, ACTOR_ROLE, AFTER_SUMMARY, BEFORE_SUMMARY,"
      + " CLIENT_IP, HASH, OCCURRED_AT, PREV_HASH, SEQ_NO, TARGET_ID, TARGET_TYPE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final java.util.concurrent.atomic.AtomicLong AUDIT_IDS = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

  interface Lookup {
    long run(Connection c, SplittableRandom r, long customers) throws SQLException;
  }

  /** A kind of lookup and how many customers each call must find (identifiers are unique: 1, or 0 for a miss). */
  record Scenario(String name, String what, int finds, Lookup call) {
    Scenario(String name, String what, Lookup call) {
      this(name, what, name.endsWith("-miss") ? 0 : 1, call);
    }


    static List<Scenario> all() {
      return List.of(
          new Scenario("phone-hq", "contact-centre agent (scope /1/), by a random customer's mobile number",
              (c, r, n) -> lookup(c, BY_PHONE, Ids.phone(1 + r.nextLong(n)), "/1/")),
          new Scenario("id-number-hq", "agent, by a random customer's ID number",
              (c, r, n) -> lookup(c, BY_ID_NUMBER, Ids.idNumber(1 + r.nextLong(n)), "/1/")),
          new Scenario("account-hq", "agent, by one of a random customer's account numbers",
              (c, r, n) -> {
                long i = 1 + r.nextLong(n);
                return lookup(c, BY_ACCOUNT, Ids.accountNo(i, r.nextInt(Ids.accounts(i))), "/1/");
              }),
          new Scenario("phone-outlet", "outlet staff, a customer of their own outlet, by mobile number",
              (c, r, n) -> {
                long i = 1 + r.nextLong(n);
                return lookup(c, BY_PHONE, Ids.phone(i), TicketListBench.Generator.outletPath((int) (Ids.mix(i) % TicketListBench.OUTLETS)));
              }),
          new Scenario("phone-miss", "agent, a mobile number no customer has (nothing found, no accounts read)",
              (c, r, n) -> lookup(c, BY_PHONE, "10" + String.format("%09d", r.nextInt(1_000_000_000)), "/1/")),
          new Scenario("phone-hq-audited", "agent, by mobile number, plus the CUSTOMER_LOOKUP audit record and its commit",
              (c, r, n) -> {
                long found = lookup(c, BY_PHONE, Ids.phone(1 + r.nextLong(n)), "/1/");
                audit(c, found);
                return found;
              }));
    }

    static List<Scenario> chosen(String list) {
      if (list.equals("all")) {
        return all();
      }
      List<String> names = List.of(list.split(","));
      List<Scenario> out = all().stream().filter(s -> names.contains(s.name())).toList();
      if (out.size() != names.size()) {
        throw new IllegalArgumentException("unknown scenario in " + list + "; known: " + all().stream().map(Scenario::name).toList());
      }
      return out;
    }
  }

  /**
   * Before timing, {@value #CHECK_CALLS} calls per scenario (seed 1) must each find exactly the customers the scenario
   * expects (one: identifiers are unique; none for a miss), so that no scenario times an empty or wrong lookup.
   */
  private static List<Map<String, Object>> check(String url, List<Scenario> scenarios, long n) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.setAutoCommit(false);
      for (Scenario s : scenarios) {
        SplittableRandom r = new SplittableRandom(1);
        long wrong = 0;
        for (int i = 0; i < CHECK_CALLS; i++) {
          if (s.call().run(c, r, n) != s.finds()) {
            wrong++;
          }
          c.commit();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.name());
        m.put("calls", CHECK_CALLS);
        m.put("eachFinds", s.finds());
        m.put("wrong", wrong);
        System.err.println("check " + Bench.Json.write(m));
        if (wrong > 0) {
          throw new IllegalStateException("scenario " + s.name() + ": " + wrong + " of " + CHECK_CALLS + " lookups did not find " + s.finds());
        }
        out.add(m);
      }
    }
    return out;
  }

  static final int CHECK_CALLS = 200;

  /** The named query (at most 20 rows), then each found customer's accounts; every column read. Returns customers found. */
  static long lookup(Connection c, String sql, String value, String scope) throws SQLException {
    List<Long> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      ps.setString(2, scope + "%");
      ps.setInt(3, 20);
      ps.setInt(4, 0);
      try (ResultSet r = ps.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          for (int i = 1; i <= columns; i++) {
            r.getObject(i);
          }
          found.add(r.getLong(1));
        }
      }
    }
    for (long id : found) {
      try (PreparedStatement ps = c.prepareStatement(ACCOUNTS)) {
        ps.setLong(1, id);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            for (int i = 1; i <= 7; i++) {
              r.getObject(i);
            }
          }
        }
      }
    }
    return found.size();
  }

  /** The audit record of the lookup, as AuditTrail.record writes it: unsealed, no lock (the sealer chains it later). */
  static void audit(Connection c, long found) throws SQLException {
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
    try (PreparedStatement ps = c.prepareStatement(AUDIT_INSERT)) {
      Object[] v = {AUDIT_IDS.incrementAndGet(), "CUSTOMER_LOOKUP", 1L, "agent1", "AGENT", found + " found", "PHONE 138****0000", "127.0.0.1",
        null, now, null, null, found == 0 ? null : "C0000000001", "CUSTOMER"};
      for (int i = 0; i < v.length; i++) {
        ps.setObject(i + 1, v[i]);
      }
      ps.executeUpdate();
    }
  }

  /** EXPLAIN ANALYZE of each named query for customer 12,345 (or the last one on a small run), values bound as parameters. */
  private static List<Map<String, Object>> plans(Connection c, List<Scenario> chosen, long n) throws SQLException {
    long i = Math.min(12_345, n);
    List<Map<String, Object>> out = new ArrayList<>();
    for (String[] q : new String[][] {{"phone", BY_PHONE, Ids.phone(i)}, {"idNumber", BY_ID_NUMBER, Ids.idNumber(i)}, {"account", BY_ACCOUNT, Ids.accountNo(i, 0)}}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("query", q[0]);
      m.put("plan", SqlBench.explainAnalyze(c, q[1], ps -> {
        ps.setString(1, q[2]);
        ps.setString(2, "/1/%");
        ps.setInt(3, 20);
        ps.setInt(4, 0);
      }));
      out.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", "accounts");
    m.put("plan", SqlBench.explainAnalyze(c, ACCOUNTS, ps -> ps.setLong(1, i)));
    out.add(m);
    return out;
  }

  private static final String[] NAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
  private static final String[] TIERS = {"STANDARD", "SILVER", "GOLD", "PLATINUM", "PRIVATE"};
  private static final String[] PRODUCTS = {"DEBIT_CARD", "CREDIT_CARD", "DEPOSIT", "LOAN", "WEALTH"};

  /**
   * Identifiers as functions of the customer's number i (1..N): a multiplicative permutation modulo a power of ten
   * scatters them over their range (so the index inserts and lookups land all over the B-tree, as real numbers do)
   * while keeping them unique. All values are stored normalized, as {@code IdentifierKind.normalize} leaves them.
   */
  static final class Ids {
    private Ids() {}

    /** A bijection of [0, 10^digits): multiply by a number coprime to 10 (a power of 3), add an offset. */
    static long scramble(long v, int digits, long multiplier, long offset) {
      long mod = pow10(digits);
      return (mulMod(v % mod, multiplier, mod) + offset) % mod;
    }

    private static long mulMod(long a, long b, long mod) {
      return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b)).mod(java.math.BigInteger.valueOf(mod)).longValue();
    }

    private static long pow10(int digits) {
      long m = 1;
      for (int i = 0; i < digits; i++) {
        m *= 10;
      }
      return m;
    }

    static long mix(long i) {
      long z = i * 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
      return (z ^ (z >>> 29)) & Long.MAX_VALUE;
    }

    static String customerNo(long i) {
      return String.format("C%010d", i);
    }

    /** An 11-digit mobile number 13x–19x, unique per customer. */
    static String phone(long i) {
      return "1" + (3 + i % 7) + String.format("%09d", scramble(i / 7, 9, 387_420_489L, 123_456_789L));
    }

    /** 18 characters: a 6-digit region prefix, 11 scrambled digits, the ISO 7064 MOD 11-2 check character (0–9 or X). */
    static String idNumber(long i) {
      String body = REGION_CODES[(int) (i % REGION_CODES.length)] + String.format("%011d", scramble(i / REGION_CODES.length, 11, 10_460_353_203L, 31_415_926_535L));
      return body + org.centralis.demo.DemoDataSet.residentIdCheckDigit(body);
    }

    private static final String[] REGION_CODES = {"110101", "310115", "440305", "510104", "330106", "320102", "420106", "610113"};

    /** One account for 60 % of the customers, two for 40 %. */
    static int accounts(long i) {
      return mix(i ^ 0x5DEECE66DL) % 10 < 4 ? 2 : 1;
    }

    /** A 16-digit card or account number: BIN 6222 and 12 scrambled digits, unique per (customer, k). */
    static String accountNo(long i, int k) {
      return "6222" + String.format("%012d", scramble(2 * i + k, 12, 847_288_609_443L, 271_828_182_845L));
    }
  }
}
