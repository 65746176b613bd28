package org.centralis.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The branch ticket list at scale (issue: "a branch's filtered, paged ticket list with 1,000,000 tickets: p95 < 300
 * ms"), without the application server: an H2 file database in Oracle mode built by the project's migrations, loaded
 * with two years of tickets over a bank of HQ → 5 regions → 20 city branches → 100 outlets, then the SQL that
 * {@code TicketQueries.list} sends — the caller's staff row, the page, its COUNT, exactly as EclipseLink prints them
 * (captured with {@code bench/sql/ServiceSqlCapture.java}; see docs/performance.md) — timed per scenario.
 *
 * <p>Not ReportBench's generator: that one is private to the reports, builds a three-level tree without outlets and
 * writes SLA clocks, complaints and report facts with every ticket (4.7 million rows for a million tickets), none of
 * which the list reads. Its approach is kept (JDBC batches, weekday and hour profiles, the type and priority mix) and
 * its helpers are reused ({@code ReportBench.url}, {@code cumulative}, {@code ts}, {@code LoadSampler}).
 *
 * <pre>
 *   mvn -B -o -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/lb.cp
 *   CP=bench/target/classes:$(cat /tmp/lb.cp)
 *   java -Xmx2g -cp $CP org.centralis.bench.Bench ticket-list --dir /tmp/ticket-list-bench --phases load,measure \
 *       [--tickets 1000000] [--migrate-to 29] [--threads 1] [--seconds 20] [--warmup-seconds 5] [--seed 42] \
 *       [--deep-offset 2000] [--scenarios outlet-p1,city-p1,...] [--explain true] [--list-sql current|before] [--allow-empty true] \
 *       [--cache-mb 0]
 * </pre>
 *
 * Phases: {@code load} deletes and rebuilds {@code <dir>/db.mv.db} (all migrations, or up to {@code --migrate-to}),
 * then compacts it; {@code migrate} applies the migrations the database lacks (as a server start after an upgrade);
 * {@code measure} only reads, so it can be repeated. One JSON line on stdout, progress on stderr.
 */
final class TicketListBench {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final int DAYS = 730;
  static final int REGIONS = 5;
  static final int CITIES_PER_REGION = 4;
  static final int OUTLETS_PER_CITY = 5;
  static final int CITIES = REGIONS * CITIES_PER_REGION;
  static final int OUTLETS = CITIES * OUTLETS_PER_CITY;
  static final int CUSTOMERS = 10_000;
  /** Ids: HQ 1, regions 2–6, cities 10–29, outlets 100–199 (below the sequences' 1000, like reference data). */
  static final long HQ = 1;
  static final long HQ_MANAGER = 9_000;
  static final long HQ_SUPERVISOR = 9_001;
  static final long HQ_AGENT = 9_002;
  static final long[] HQ_TEAMS = {1, 2, 3, 4, 5, 6};

  private TicketListBench() {}

  static Map<String, Object> run(Bench.Args args) throws Exception {
    Path dir = Path.of(args.str("dir", "/tmp/ticket-list-bench"));
    int tickets = args.integer("tickets", 1_000_000, 1_000, 5_000_000);
    int threads = args.integer("threads", 1, 1, 16);
    int seconds = args.integer("seconds", 20, 1, 600);
    int warmup = args.integer("warmup-seconds", 5, 0, 300);
    int maxCalls = args.integer("max-calls", 200_000, 1, 1_000_000);
    int seed = args.integer("seed", 42, 0, Integer.MAX_VALUE);
    int deepOffset = args.integer("deep-offset", 2_000, 20, 1_000_000);
    int cacheMb = args.integer("cache-mb", 0, 0, 16_384);
    ListSql listSql = ListSql.of(args.str("list-sql", "current"));
    countCap = args.integer("count-cap", 0, 0, 100_000);
    List<String> phases = List.of(args.str("phases", "load,measure").split(","));
    ReportBench.LoadSampler load = ReportBench.LoadSampler.start();
    Map<String, Object> out = SqlBench.header("ticket-list");
    if (phases.contains("load")) {
      load.mark();
      Map<String, Object> l = load(dir, tickets, seed, args.str("migrate-to", null));
      l.put("loadAverage", load.since());
      out.put("load", l);
    }
    if (phases.contains("migrate")) {
      load.mark();
      Map<String, Object> m = SqlBench.migrate(dir);
      m.put("loadAverage", load.since());
      out.put("migrate", m);
    }
    if (phases.contains("measure")) {
      String url = SqlBench.measureUrl(dir, cacheMb);
      out.put("listSql", listSql.name());
      out.put("countCap", countCap == 0 ? "exact COUNT" : countCap);
      out.put("cacheMb", cacheMb == 0 ? "H2 default (16)" : cacheMb);
      try (Connection keeper = DriverManager.getConnection(url, "sa", "")) { // open once, as in the server
        out.put("rows", SqlBench.count(keeper, "SELECT COUNT(*) FROM TICKET"));
        out.put("openRows", SqlBench.count(keeper, "SELECT COUNT(*) FROM TICKET WHERE STATUS NOT IN ('CLOSED', 'CANCELLED')"));
        out.put("ticketIndexes", SqlBench.count(keeper, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'TICKET'"));
        try (ResultSet r = keeper.createStatement().executeQuery("SELECT MAX(CREATED_AT) FROM TICKET")) {
          r.next();
          now = r.getObject(1, java.time.OffsetDateTime.class);
        }
        List<Scenario> chosen = Scenario.chosen(args.str("scenarios", "all"), deepOffset, listSql);
        out.put("checks", check(keeper, chosen, args.flag("allow-empty")));
        if (args.flag("explain")) {
          out.put("plans", plans(keeper, chosen));
        }
        SqlBench.timeEach(out, url,
            chosen.stream().map(s -> new SqlBench.Scenario(s.name, s.what, s::call)).toList(), threads, warmup, seconds, maxCalls, seed, load);
      }
    }
    return SqlBench.finish(out, load);
  }

  // ------------------------------------------------------------------------------------------------------- load --

  private static Map<String, Object> load(Path dir, int tickets, long seed, String migrateTo) throws Exception {
    long t0 = System.nanoTime();
    Map<String, Object> out = SqlBench.freshLoad(dir, migrateTo);
    try (Connection c = DriverManager.getConnection(SqlBench.loadUrl(dir), "sa", "")) {
      c.setAutoCommit(false);
      Generator g = new Generator(c, new SplittableRandom(seed));
      long t1 = System.nanoTime();
      g.organization();
      g.customers();
      out.put("organizationSeconds", SqlBench.seconds(t1));
      long t2 = System.nanoTime();
      out.put("tickets", g.tickets(tickets));
      out.put("ticketSeconds", SqlBench.seconds(t2));
      long t3 = System.nanoTime();
      try (Statement s = c.createStatement()) {
        // H2 re-analyses a table by itself only after enough changes; the server would have done so many times
        // over two years. One ANALYZE gives the optimizer the selectivities it would have in steady state.
        s.execute("ANALYZE");
      }
      c.commit();
      out.put("analyzeSeconds", SqlBench.seconds(t3));
      out.put("dbFileMBBeforeCompact", SqlBench.fileMB(dir));
    }
    out.put("compactSeconds", SqlBench.compact(dir));
    out.put("loadSeconds", SqlBench.seconds(t0));
    out.put("dbFileMB", SqlBench.fileMB(dir));
    return out;
  }

  /** The organization, 10,000 customers and the tickets, written with JDBC batches. */
  static final class Generator {
    private final Connection c;
    private final SplittableRandom r;

    Generator(Connection c, SplittableRandom r) {
      this.c = c;
      this.r = r;
    }

    static long region(int i) {
      return 2 + i;
    }

    static long city(int i) {
      return 10 + i;
    }

    static long outlet(int i) {
      return 100 + i;
    }

    static String regionPath(int reg) {
      return "/1/" + region(reg) + "/";
    }

    static String cityPath(int city) {
      return regionPath(city / CITIES_PER_REGION) + city(city) + "/";
    }

    static String outletPath(int outlet) {
      return cityPath(outlet / OUTLETS_PER_CITY) + outlet(outlet) + "/";
    }

    /** The city's operations team (a city staff member with a team also sees what is assigned to it). */
    static long cityTeam(int city) {
      return 100 + city;
    }

    static long outletStaff(int outlet) {
      return 10_000 + outlet(outlet);
    }

    /** A city branch's staff member without a team: the list is the city's subtree only. */
    static long cityStaff(int city) {
      return 20_000 + city(city);
    }

    /** A city branch's operations staff member, in the city's team: subtree OR assigned to the team. */
    static long cityOpsStaff(int city) {
      return 30_000 + city(city);
    }

    void organization() throws SQLException {
      try (SqlBench.Inserts batches = new SqlBench.Inserts(c)) {
        SqlBench.Inserts.Insert b = batches.add("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH) VALUES (?, ?, ?, ?, ?, ?, ?)");
        SqlBench.Inserts.Insert d = batches.add("INSERT INTO DEPARTMENT (ID, CODE, NAME, NAME_EN, BRANCH_ID) VALUES (?, ?, ?, ?, ?)");
        SqlBench.Inserts.Insert t = batches.add("INSERT INTO TEAM (ID, CODE, NAME, NAME_EN, DEPARTMENT_ID) VALUES (?, ?, ?, ?, ?)");
        SqlBench.Inserts.Insert s = batches.add("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, TEAM_ID, PASSWORD_HASH) VALUES (?, ?, ?, ?, ?, 'bench')");
        SqlBench.Inserts.Insert role = batches.add("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) VALUES (?, ?)");
        b.row(HQ, "HQ", "总行", "Head Office", "HEADQUARTERS", null, "/1/");
        for (int reg = 0; reg < REGIONS; reg++) {
          b.row(region(reg), "R" + reg, "区域" + reg, "Region " + reg, "REGION", HQ, regionPath(reg));
        }
        for (int ci = 0; ci < CITIES; ci++) {
          b.row(city(ci), "C" + ci, "城市分行" + ci, "City branch " + ci, "BRANCH", region(ci / CITIES_PER_REGION), cityPath(ci));
        }
        for (int o = 0; o < OUTLETS; o++) {
          b.row(outlet(o), "O" + o, "网点" + o, "Outlet " + o, "OUTLET", city(o / OUTLETS_PER_CITY), outletPath(o));
        }
        d.row(1L, "HQ-OPS", "总行运营部", "HQ operations", HQ);
        for (int ci = 0; ci < CITIES; ci++) {
          d.row(city(ci), "C" + ci + "-OPS", "运营部" + ci, "Operations " + ci, city(ci));
        }
        for (long id : HQ_TEAMS) {
          t.row(id, "HQ-T" + id, "总行小组" + id, "HQ team " + id, 1L);
        }
        for (int ci = 0; ci < CITIES; ci++) {
          t.row(cityTeam(ci), "C" + ci + "-OPS", "运营组" + ci, "Operations team " + ci, city(ci));
        }
        s.row(HQ_MANAGER, "hq1", "hq1", HQ, null);
        role.row(HQ_MANAGER, "HQ_MANAGER");
        s.row(HQ_SUPERVISOR, "super1", "super1", HQ, HQ_TEAMS[0]);
        role.row(HQ_SUPERVISOR, "SUPERVISOR");
        for (int ci = 0; ci < CITIES; ci++) {
          s.row(cityStaff(ci), "cm" + city(ci), "cm" + city(ci), city(ci), null);
          role.row(cityStaff(ci), "BRANCH_STAFF");
          s.row(cityOpsStaff(ci), "ops" + city(ci), "ops" + city(ci), city(ci), cityTeam(ci));
          role.row(cityOpsStaff(ci), "BRANCH_STAFF");
        }
        for (int o = 0; o < OUTLETS; o++) {
          s.row(outletStaff(o), "bs" + outlet(o), "bs" + outlet(o), outlet(o), null);
          role.row(outletStaff(o), "BRANCH_STAFF");
        }
        // the contact centre's agents sit at HQ in the supervisor's team (customer lookup callers)
        s.row(HQ_AGENT, "agent1", "agent1", HQ, HQ_TEAMS[0]);
        role.row(HQ_AGENT, "AGENT");
      }
    }

    /** Customers only so that tickets can name one (the list does not read them). */
    void customers() throws SQLException {
      try (SqlBench.Inserts batches = new SqlBench.Inserts(c)) {
        SqlBench.Inserts.Insert cu = batches.add("INSERT INTO CUSTOMER (ID, CUSTOMER_NO, KIND, NAME, TIER, BRANCH_ID, BRANCH_PATH) VALUES (?, ?, 'PERSON', ?, 'STANDARD', ?, ?)");
        for (int i = 1; i <= CUSTOMERS; i++) {
          int o = r.nextInt(OUTLETS);
          cu.row((long) i, String.format("C%09d", i), "客户" + i, outlet(o), outletPath(o));
        }
      }
    }

    /** type, share, leaf category ids (V5). */
    private static final Object[][] TYPES = {
      {"INQUIRY", 0.35, new long[] {2, 3, 4}},
      {"CONSULTATION", 0.25, new long[] {11, 12, 13}},
      {"BUSINESS_REQUEST", 0.22, new long[] {21, 22, 23}},
      {"COMPLAINT", 0.03, new long[] {31, 32, 33, 34}},
      {"SUGGESTION", 0.02, new long[] {41, 42}},
      {"FAULT_REPORT", 0.13, new long[] {51, 52, 53}},
    };
    private static final double[] TYPE_CUMULATIVE = ReportBench.cumulative(Arrays.stream(TYPES).mapToDouble(t -> (Double) t[1]).toArray());
    private static final String[] SUBJECTS = {
      "客户咨询账户余额变动原因", "客户要求打印近三个月交易明细", "信用卡账单金额与消费记录不符", "客户咨询大额存单利率", "客户咨询房贷提前还款流程",
      "客户咨询理财产品风险等级", "客户银行卡丢失申请挂失补卡", "客户申请提高信用卡临时额度", "客户变更预留手机号码", "客户投诉柜员服务态度差",
      "客户对短信通知费有异议", "客户投诉排队等候时间过长", "客户建议增加周末营业窗口", "网点ATM吞卡", "手机银行登录时提示系统繁忙", "商户POS机无法刷卡"};
    private static final String[] PHRASES = {
      "客户来电反映", "经核实", "客户表示", "已告知客户办理流程", "需要后台协助处理", "客户要求尽快回复", "已记录客户联系方式", "请相关部门跟进",
      "涉及金额约五千元", "客户情绪稳定", "客户希望当面沟通", "已提供相关材料复印件"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    private static final double[] PRIORITY_CUMULATIVE = ReportBench.cumulative(new double[] {15, 65, 17, 3});
    private static final String[] CHANNELS = {"BRANCH_COUNTER", "PHONE", "WEB", "MOBILE_APP", "EMAIL"};
    private static final double[] CHANNEL_CUMULATIVE = ReportBench.cumulative(new double[] {30, 40, 10, 15, 5});
    /** Open statuses of a ticket still being worked on, with their shares. */
    private static final String[] OPEN = {"NEW", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "REJECTED", "RETURNED", "REOPENED"};
    private static final double[] OPEN_CUMULATIVE = ReportBench.cumulative(new double[] {3, 30, 15, 25, 10, 12, 1, 2, 2});
    private static final double[] HOUR_CUMULATIVE = ReportBench.cumulative(new double[] {
      0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 9, 14, 15, 13, 8, 10, 14, 14, 12, 9, 4, 3, 2, 1, 0.6, 0.3});

    /**
     * {@code total} tickets over the last {@value #DAYS} days (weekends at 40 %), numbered per day in creation order
     * with ids rising with time, as the sequences hand them out. 90 % are owned by an outlet (a few big ones, a long
     * tail), 8 % by a city branch, 2 % by HQ. A ticket older than 30 days is closed (97 %) or cancelled, with 0.5 %
     * left open; a younger one is open with a chance that falls with its age. Dispatched tickets carry their team:
     * 75 % the owning city's operations team, the rest an HQ team.
     */
    Map<String, Long> tickets(int total) throws SQLException {
      double[] outletWeights = new double[OUTLETS];
      for (int i = 0; i < OUTLETS; i++) {
        outletWeights[i] = 1.0 / (1 + 0.05 * ((i * 37) % OUTLETS)); // spread big and small outlets over the cities
      }
      double[] outletCumulative = ReportBench.cumulative(outletWeights);
      LocalDate today = LocalDate.now(ZONE);
      LocalDate first = today.minusDays(DAYS);
      double[] dayWeights = new double[DAYS];
      for (int d = 0; d < DAYS; d++) {
        DayOfWeek w = first.plusDays(d).getDayOfWeek();
        dayWeights[d] = (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY ? 0.4 : 1.0) * (0.85 + 0.3 * r.nextDouble());
      }
      long[] perDay = split(total, dayWeights);
      Map<String, Long> counts = new LinkedHashMap<>();
      long id = 0;
      try (SqlBench.Inserts batches = new SqlBench.Inserts(c)) {
        SqlBench.Inserts.Insert t = batches.add("INSERT INTO TICKET (ID, TICKET_NO, TICKET_TYPE, CATEGORY_ID, PRIORITY, STATUS, CHANNEL,"
          + " SUBJECT, DESCRIPTION, CUSTOMER_ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH, CREATED_BY_ID, ASSIGNED_TEAM_ID, ASSIGNEE_ID, CREATED_AT,"
          + " UPDATED_AT, DISPATCHED_AT, CLOSED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (int d = 0; d < DAYS; d++) {
          LocalDate day = first.plusDays(d);
          int ageDays = DAYS - d;
          long[] seconds = new long[(int) perDay[d]];
          for (int i = 0; i < seconds.length; i++) {
            seconds[i] = pick(HOUR_CUMULATIVE) * 3_600L + r.nextInt(3_600);
          }
          Arrays.sort(seconds); // numbers and ids in creation order
          Instant midnight = day.atStartOfDay(ZONE).toInstant();
          String prefix = "T" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
          for (int n = 0; n < seconds.length; n++) {
            id++;
            Instant created = midnight.plusSeconds(seconds[n]);
            Object[] type = TYPES[pick(TYPE_CUMULATIVE)];
            long[] categories = (long[]) type[2];
            double owner = r.nextDouble();
            int o = pick(outletCumulative);
            int ci = o / OUTLETS_PER_CITY;
            long branch;
            String path;
            long createdBy;
            if (owner < 0.90) {
              branch = outlet(o);
              path = outletPath(o);
              createdBy = outletStaff(o);
            } else if (owner < 0.98) {
              branch = city(ci);
              path = cityPath(ci);
              createdBy = cityStaff(ci);
            } else {
              branch = HQ;
              path = "/1/";
              createdBy = HQ_MANAGER;
            }
            String status = status(ageDays);
            counts.merge(status, 1L, Long::sum);
            boolean dispatched = !status.equals("NEW") && !(status.equals("CANCELLED") && r.nextInt(3) == 0);
            // REJECTED and RETURNED go back to the owning branch without a team (Ticket.backToDispatcher)
            Long team = !dispatched || status.equals("REJECTED") || status.equals("RETURNED") ? null
                : branch != HQ && r.nextDouble() < 0.75 ? cityTeam(ci) : HQ_TEAMS[r.nextInt(HQ_TEAMS.length)];
            boolean closed = status.equals("CLOSED") || status.equals("CANCELLED");
            Instant dispatchedAt = dispatched ? created.plusSeconds(5 + r.nextInt(120)) : null;
            Instant closedAt = closed ? created.plusSeconds(600 + (long) (-86_400 * 2 * Math.log(1 - r.nextDouble()))) : null;
            Instant updated = closedAt != null ? closedAt : dispatchedAt != null ? dispatchedAt.plusSeconds(r.nextInt(86_400)) : created;
            t.row(id, prefix + String.format("%06d", n + 1), type[0], categories[r.nextInt(categories.length)], PRIORITIES[pick(PRIORITY_CUMULATIVE)],
                status, CHANNELS[pick(CHANNEL_CUMULATIVE)], SUBJECTS[r.nextInt(SUBJECTS.length)], description(),
                r.nextBoolean() ? null : (long) (1 + r.nextInt(CUSTOMERS)), branch, path, createdBy, team, null,
                ReportBench.ts(created), ReportBench.ts(updated), ReportBench.ts(dispatchedAt), ReportBench.ts(closedAt));
            if (id % 100_000 == 0) {
              System.err.println("tickets " + id);
            }
          }
        }
      }
      counts.put("total", id);
      return counts;
    }

    private String status(int ageDays) {
      double u = r.nextDouble();
      double open = ageDays > 30 ? 0.005 : 0.9 * Math.exp(-ageDays / 7.0) + 0.05;
      if (u < open) {
        return OPEN[pick(OPEN_CUMULATIVE)];
      }
      return r.nextDouble() < 0.97 ? "CLOSED" : "CANCELLED";
    }

    /** 40–200 characters of free text, as staff write it; most are stored in the row (H2 keeps short CLOBs inline). */
    private String description() {
      StringBuilder b = new StringBuilder();
      int target = 40 + r.nextInt(160);
      while (b.length() < target) {
        b.append(PHRASES[r.nextInt(PHRASES.length)]).append('，');
      }
      return b.substring(0, target) + "。";
    }

    private static long[] split(long total, double[] weights) {
      double sum = Arrays.stream(weights).sum();
      long[] n = new long[weights.length];
      long given = 0;
      for (int i = 0; i < weights.length; i++) {
        n[i] = (long) Math.floor(total * weights[i] / sum);
        given += n[i];
      }
      for (int i = n.length - 1; given < total; i = (i - 1 + n.length) % n.length, given++) {
        n[i]++;
      }
      return n;
    }

    private int pick(double[] cumulative) {
      return ReportBench.pick(cumulative, r.nextDouble());
    }
  }

  // ---------------------------------------------------------------------------------------------------- measure --

  /** The list's columns, in the order EclipseLink selects them for {@code SELECT t FROM Ticket t}. */
  static final String COLUMNS = "ID AS a1, ASSIGNED_TEAM_ID AS a2, ASSIGNEE_ID AS a3, CHANNEL AS a4, CLOSED_AT AS a5, CREATED_AT AS a6,"
      + " CREATED_BY_ID AS a7, CUSTOMER_ID AS a8, DESCRIPTION AS a9, DISPATCHED_AT AS a10, OWNING_BRANCH_ID AS a11, OWNING_BRANCH_PATH AS a12,"
      + " PRIORITY AS a13, STATUS AS a14, SUBJECT AS a15, TICKET_NO AS a16, TICKET_TYPE AS a17, UPDATED_AT AS a18, VERSION AS a19, CATEGORY_ID AS a20";
  /** {@code OrganizationDirectory.myTeamId}: {@code em.find(Staff)} (Staff is not in the shared cache) and its eager roles. */
  static final String STAFF_SQL = "SELECT ID, ACTIVE, EMAIL, FAILED_LOGINS, FULL_NAME, LAST_LOGIN_AT, LOCALE, LOCKED_UNTIL, LOGIN, PASSWORD_HASH, VERSION,"
      + " BRANCH_ID, TEAM_ID FROM STAFF WHERE (ID = ?)";
  static final String ROLES_SQL = "SELECT t0.ROLE_NAME FROM STAFF_ROLE t0 WHERE (t0.STAFF_ID = ?)";
  /** One open status, as a branch filters its work in hand (1,000–5,000 tickets each in the whole bank). */
  static final String[] OPEN_STATUS = {"DISPATCHED", "IN_PROGRESS", "PENDING_CUSTOMER"};
  static final String[] TYPES = {"INQUIRY", "CONSULTATION", "BUSINESS_REQUEST", "COMPLAINT", "SUGGESTION", "FAULT_REPORT"};
  static final String[] PRIORITY_NAMES = {"LOW", "NORMAL", "HIGH", "URGENT"};
  /** The outlet with the smallest weight in {@link Generator#tickets} (1 / (1 + 0.05 × 99)). */
  static final int SMALLEST_OUTLET = 27;

  /**
   * Which SQL a list call sends. {@code BEFORE}: main's code before this change (whole rows, paged; scope by LIKE only;
   * a team member's list as one query with {@code scope OR team}). {@code CURRENT}: what {@code TicketQueries} sends now
   * — the page's (id, created) pairs first, then their rows by id; the scope as LIKE plus the same prefix as a range; a
   * team member's list as two disjoint parts (the scope; the team's tickets outside it), each paged and counted.
   */
  enum ListSql {
    BEFORE, CURRENT;

    static ListSql of(String s) {
      return switch (s) {
        case "before" -> BEFORE;
        case "current" -> CURRENT;
        default -> throw new IllegalArgumentException("--list-sql is current (the application now) or before");
      };
    }
  }

  /** Who calls and with which filter; the SQL methods build what {@code TicketQueries.query} makes EclipseLink send. */
  record Request(long staffId, String scope, Long myTeam, String status, String type, String priority, int offset, int limit) {

    /**
     * A part's WHERE clause as EclipseLink prints the JPQL's: each {@code AND} wraps what came before, e.g.
     * {@code ((a LIKE ? AND (a >= ?)) AND (a < ?))} and then {@code (((...)) AND (c = ?))}. Part 0 is the scope (for
     * {@code BEFORE} with {@code OR team} for a team member); part 1, {@code CURRENT} only, the team outside the scope.
     */
    String where(ListSql sql, int part) {
      String w;
      if (part == 1) {
        w = "((ASSIGNED_TEAM_ID = ?) AND NOT (OWNING_BRANCH_PATH LIKE ?))";
      } else if (sql == ListSql.CURRENT) {
        w = "((OWNING_BRANCH_PATH LIKE ? AND (OWNING_BRANCH_PATH >= ?)) AND (OWNING_BRANCH_PATH < ?))";
      } else {
        w = myTeam != null ? "(OWNING_BRANCH_PATH LIKE ? OR (ASSIGNED_TEAM_ID = ?))" : "OWNING_BRANCH_PATH LIKE ?";
      }
      for (String v : new String[] {"STATUS", "TICKET_TYPE", "PRIORITY"}) {
        if (filter(v) != null) {
          w = "(" + w + " AND (" + v + " = ?))";
        }
      }
      return " WHERE " + w;
    }

    private String filter(String column) {
      return switch (column) {
        case "STATUS" -> status;
        case "TICKET_TYPE" -> type;
        default -> priority;
      };
    }

    /** The parts a list call reads: one, or two for a team member under {@code CURRENT}. */
    int parts(ListSql sql) {
      return sql == ListSql.CURRENT && myTeam != null ? 2 : 1;
    }

    /**
     * A part's page under Oracle12Platform's ROWNUM paging (setFirstResult/setMaxResults): {@code BEFORE} whole rows
     * (offset, limit); {@code CURRENT} the (id, created) pairs of the first offset + limit (TicketQueries merges parts).
     */
    String pageSql(ListSql sql, int part) {
      return pageSql(sql, part, where(sql, part));
    }

    /** The page within a window of creation times (TicketQueries.keys): the part's WHERE and a bounded created range. */
    String windowPageSql(int part) {
      return pageSql(ListSql.CURRENT, part, " WHERE ((" + where(ListSql.CURRENT, part).substring(" WHERE ".length()) + " AND (CREATED_AT >= ?)) AND (CREATED_AT < ?))");
    }

    private static String pageSql(ListSql sql, int part, String where) {
      return "SELECT * FROM (SELECT a.*, ROWNUM rnum  FROM (SELECT " + (sql == ListSql.BEFORE ? COLUMNS : "ID AS a1, CREATED_AT AS a2")
          + " FROM TICKET" + where + " ORDER BY CREATED_AT DESC, ID DESC) a WHERE ROWNUM <= ?) WHERE rnum > ?";
    }

    /** HQ or a region: TicketQueries pages a newest-first list of such a scope by recent windows first. */
    boolean wide() {
      return scope.chars().filter(ch -> ch == '/').count() - 1 <= 2;
    }

    /** Then the page's rows: {@code SELECT t FROM Ticket t WHERE t.id IN :ids}, one parameter per id. */
    static String byIdsSql(int n) {
      return "SELECT " + COLUMNS.replaceAll(" AS a\\d+", "") + " FROM TICKET WHERE (ID IN (" + "?,".repeat(n - 1) + "?))";
    }

    /** TicketQueries.countAtMost for a wide scope: the part's COUNT within a window of creation times. */
    String windowCountSql(int part) {
      return "SELECT COUNT(ID) FROM TICKET WHERE ((" + where(ListSql.CURRENT, part).substring(" WHERE ".length()) + " AND (CREATED_AT >= ?)) AND (CREATED_AT < ?))";
    }

    /** {@code SELECT COUNT(t) FROM Ticket t} + the part's WHERE. */
    String countSql(ListSql sql, int part) {
      return "SELECT COUNT(ID) FROM TICKET" + where(sql, part);
    }

    /** Binds a part's WHERE values in order; returns the next parameter index. */
    int bind(PreparedStatement ps, ListSql sql, int part) throws SQLException {
      int i = 1;
      if (part == 1) {
        ps.setLong(i++, myTeam);
        ps.setString(i++, scope + "%");
      } else {
        ps.setString(i++, scope + "%");
        if (sql == ListSql.CURRENT) {
          ps.setString(i++, scope);
          ps.setString(i++, scope.substring(0, scope.length() - 1) + (char) (scope.charAt(scope.length() - 1) + 1));
        } else if (myTeam != null) {
          ps.setLong(i++, myTeam);
        }
      }
      for (String v : new String[] {status, type, priority}) {
        if (v != null) {
          ps.setString(i++, v);
        }
      }
      return i;
    }

    /** Binds a part's WHERE values and the two paging values. */
    void bindPage(PreparedStatement ps, ListSql sql, int part) throws SQLException {
      int i = bind(ps, sql, part);
      ps.setInt(i++, offset + limit);
      ps.setInt(i, sql == ListSql.BEFORE ? offset : 0);
    }
  }

  /**
   * One {@code TicketQueries.list(filter, offset, 20, CREATED_AT, false)} as the service runs it in steady state (branch,
   * team and category entities come from EclipseLink's shared cache, so they cost no SQL): the caller's staff row and
   * roles when no branch filter is given, then per part the page and the COUNT; for {@code CURRENT} the parts' (id,
   * created) pairs merged in list order and the page's rows read by id. Every value read, as EclipseLink reads each
   * column. Returns the page's rows and the total (the sum of the parts' counts).
   */
  static long[] list(Connection c, Request q, ListSql sql, List<Long> pageIds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(STAFF_SQL)) {
      ps.setLong(1, q.staffId());
      readAll(ps, null);
    }
    try (PreparedStatement ps = c.prepareStatement(ROLES_SQL)) {
      ps.setLong(1, q.staffId());
      readAll(ps, null);
    }
    long rows = 0;
    long total = 0;
    List<long[]> keys = new ArrayList<>(); // (created epoch micros, id)
    for (int part = 0; part < q.parts(sql); part++) {
      if (sql == ListSql.BEFORE) {
        try (PreparedStatement ps = c.prepareStatement(q.pageSql(sql, part))) {
          q.bindPage(ps, sql, part);
          rows = readAll(ps, pageIds);
        }
      } else {
        keys.addAll(keys(c, q, part));
      }
      if (countCap > 0 && q.wide() && q.status() == null && q.type() == null && q.priority() == null) { // TicketQueries.countAtMost: windows first
        boolean beyond = false;
        for (int days : new int[] {1, 7, 31}) { // not the year: a filter the window's index does not cover reads each row
          try (PreparedStatement ps = c.prepareStatement(q.windowCountSql(part))) {
            int i = q.bind(ps, ListSql.CURRENT, part);
            ps.setObject(i++, now.minusDays(days));
            ps.setObject(i, END_OF_TIME);
            try (ResultSet r = ps.executeQuery()) {
              r.next();
              if (r.getLong(1) > countCap) {
                total += r.getLong(1);
                beyond = true;
                break;
              }
            }
          }
        }
        if (beyond) {
          continue;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(q.countSql(sql, part))) {
        q.bind(ps, sql, part);
        try (ResultSet r = ps.executeQuery()) {
          r.next();
          total += r.getLong(1);
        }
      }
    }
    if (sql == ListSql.CURRENT) { // merged newest first, then id descending; the page; its rows by id
      keys.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(b[1], a[1]));
      List<long[]> page = keys.subList(Math.min(q.offset(), keys.size()), Math.min(q.offset() + q.limit(), keys.size()));
      if (!page.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(Request.byIdsSql(page.size()))) {
          for (int i = 0; i < page.size(); i++) {
            ps.setLong(i + 1, page.get(i)[1]);
            pageIds.add(page.get(i)[1]);
          }
          rows = readAll(ps, null);
        }
      }
    }
    return new long[] {rows, total};
  }

  /** TicketQueries.keys: for a wide scope the windows of recent days first (up to the data's last ticket, its "now"). */
  private static List<long[]> keys(Connection c, Request q, int part) throws SQLException {
    if (q.wide()) {
      for (int days : new int[] {1, 7, 31, 366}) {
        try (PreparedStatement ps = c.prepareStatement(q.windowPageSql(part))) {
          int i = q.bind(ps, ListSql.CURRENT, part);
          ps.setObject(i++, now.minusDays(days));
          ps.setObject(i++, END_OF_TIME);
          ps.setInt(i++, q.offset() + q.limit());
          ps.setInt(i, 0);
          List<long[]> keys = readKeys(ps);
          if (keys.size() >= q.offset() + q.limit()) {
            return keys;
          }
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(q.pageSql(ListSql.CURRENT, part))) {
      q.bindPage(ps, ListSql.CURRENT, part);
      return readKeys(ps);
    }
  }

  private static final java.time.OffsetDateTime END_OF_TIME = java.time.OffsetDateTime.parse("9999-12-31T00:00:00Z");
  /** {@code --count-cap}: 0 counts exactly (the API's total), else the ticket table's total, "more than" this beyond. */
  static int countCap;

  /** The newest ticket's creation time: the bench's "now" (the data ends when it was generated). */
  static java.time.OffsetDateTime now = java.time.OffsetDateTime.now();

  /** (created epoch micros, id) pairs. */
  private static List<long[]> readKeys(PreparedStatement ps) throws SQLException {
    List<long[]> keys = new ArrayList<>();
    try (ResultSet r = ps.executeQuery()) {
      while (r.next()) {
        java.time.OffsetDateTime created = r.getObject(2, java.time.OffsetDateTime.class);
        keys.add(new long[] {created.toEpochSecond() * 1_000_000 + created.getNano() / 1_000, r.getLong(1)});
      }
    }
    return keys;
  }

  /** Reads every value of every row; returns the row count and adds the first column (the id) to {@code ids} if given. */
  static long readAll(PreparedStatement ps, List<Long> ids) throws SQLException {
    long n = 0;
    try (ResultSet r = ps.executeQuery()) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        for (int i = 1; i <= columns; i++) {
          r.getObject(i);
        }
        if (ids != null) {
          ids.add(r.getLong(1));
        }
        n++;
      }
    }
    return n;
  }

  /** A kind of call: who (drawn at random per call: which outlet, city, status...) and what page. */
  static final class Scenario {
    final String name;
    final String what;
    private final java.util.function.BiFunction<SplittableRandom, Integer, Request> request;
    private final int deepOffset;
    private ListSql sql = ListSql.CURRENT;

    Scenario(String name, String what, int deepOffset, java.util.function.BiFunction<SplittableRandom, Integer, Request> request) {
      this.name = name;
      this.what = what;
      this.deepOffset = deepOffset;
      this.request = request;
    }

    Request next(SplittableRandom r) {
      return request.apply(r, deepOffset);
    }

    long call(Connection c, SplittableRandom r) throws SQLException {
      return list(c, next(r), sql, new ArrayList<>())[0];
    }

    static List<Scenario> all(int deep) {
      String page = "page " + (deep / 20 + 1) + " (offset " + deep + ")";
      return List.of(
          new Scenario("outlet-p1", "outlet staff (one of 100 outlets at random), no filter, newest first, page 1 of 20", 0,
              (r, d) -> outlet(r, null, 0)),
          new Scenario("outlet-open-status-p1", "outlet staff, one open status (DISPATCHED / IN_PROGRESS / PENDING_CUSTOMER), page 1", 0,
              (r, d) -> outlet(r, OPEN_STATUS[r.nextInt(OPEN_STATUS.length)], 0)),
          new Scenario("outlet-closed-p1", "outlet staff, status CLOSED, page 1", 0, (r, d) -> outlet(r, "CLOSED", 0)),
          new Scenario("outlet-deep", "outlet staff, no filter, " + page, deep, (r, d) -> outlet(r, null, d)),
          new Scenario("small-outlet-p1", "staff of the smallest outlet (" + SMALLEST_OUTLET + ", about 0.4 % of the tickets), no filter, page 1", 0,
              (r, d) -> new Request(Generator.outletStaff(SMALLEST_OUTLET), Generator.outletPath(SMALLEST_OUTLET), null, null, null, null, 0, 20)),
          new Scenario("city-p1", "city-branch staff without a team (subtree: the city and its 5 outlets), no filter, page 1", 0,
              (r, d) -> city(r, false, null, 0)),
          new Scenario("city-open-status-p1", "city-branch staff without a team, one open status, page 1", 0,
              (r, d) -> city(r, false, OPEN_STATUS[r.nextInt(OPEN_STATUS.length)], 0)),
          new Scenario("city-closed-p1", "city-branch staff without a team, status CLOSED, page 1", 0, (r, d) -> city(r, false, "CLOSED", 0)),
          new Scenario("city-closed-type-priority-p1", "city-branch staff without a team, status CLOSED + a type + a priority, page 1", 0,
              (r, d) -> {
                int ci = r.nextInt(CITIES);
                return new Request(Generator.cityStaff(ci), Generator.cityPath(ci), null, "CLOSED", TYPES[r.nextInt(TYPES.length)],
                    PRIORITY_NAMES[r.nextInt(PRIORITY_NAMES.length)], 0, 20);
              }),
          new Scenario("city-deep", "city-branch staff without a team, no filter, " + page, deep, (r, d) -> city(r, false, null, d)),
          new Scenario("city-team-p1", "city operations staff in the city's team (subtree OR assigned to the team), no filter, page 1", 0,
              (r, d) -> city(r, true, null, 0)),
          new Scenario("city-team-open-status-p1", "city operations staff in the team, one open status, page 1", 0,
              (r, d) -> city(r, true, OPEN_STATUS[r.nextInt(OPEN_STATUS.length)], 0)),
          new Scenario("hq-p1", "HQ manager (no team), whole bank, no filter, newest first, page 1 (the HQ list as it opens)", 0,
              (r, d) -> new Request(HQ_MANAGER, "/1/", null, null, null, null, 0, 20)),
          new Scenario("hq-open-status-p1", "HQ manager (no team), whole bank, one open status, page 1", 0,
              (r, d) -> new Request(HQ_MANAGER, "/1/", null, OPEN_STATUS[r.nextInt(OPEN_STATUS.length)], null, null, 0, 20)),
          new Scenario("hq-open-status-type-priority-p1", "HQ manager, whole bank, one open status + a type + a priority, page 1", 0,
              (r, d) -> new Request(HQ_MANAGER, "/1/", null, OPEN_STATUS[r.nextInt(OPEN_STATUS.length)], TYPES[r.nextInt(TYPES.length)],
                  PRIORITY_NAMES[r.nextInt(PRIORITY_NAMES.length)], 0, 20)),
          new Scenario("hq-closed-type-p1", "HQ manager, whole bank, status CLOSED + a type, page 1", 0,
              (r, d) -> new Request(HQ_MANAGER, "/1/", null, "CLOSED", TYPES[r.nextInt(TYPES.length)], null, 0, 20)),
          new Scenario("hq-team-type-p1", "HQ supervisor in a team, whole bank, one type, page 1", 0,
              (r, d) -> new Request(HQ_SUPERVISOR, "/1/", HQ_TEAMS[0], null, TYPES[r.nextInt(TYPES.length)], null, 0, 20)));
    }

    private static Request outlet(SplittableRandom r, String status, int offset) {
      int o = r.nextInt(OUTLETS);
      return new Request(Generator.outletStaff(o), Generator.outletPath(o), null, status, null, null, offset, 20);
    }

    private static Request city(SplittableRandom r, boolean team, String status, int offset) {
      int ci = r.nextInt(CITIES);
      return team
          ? new Request(Generator.cityOpsStaff(ci), Generator.cityPath(ci), Generator.cityTeam(ci), status, null, null, offset, 20)
          : new Request(Generator.cityStaff(ci), Generator.cityPath(ci), null, status, null, null, offset, 20);
    }

    static List<Scenario> chosen(String list, int deepOffset, ListSql sql) {
      List<Scenario> all = all(deepOffset);
      all.forEach(s -> s.sql = sql);
      if (list.equals("all")) {
        return all;
      }
      List<String> names = List.of(list.split(","));
      List<Scenario> out = new ArrayList<>();
      for (Scenario s : all) {
        if (names.contains(s.name)) {
          out.add(s);
        }
      }
      if (out.size() != names.size()) {
        throw new IllegalArgumentException("unknown scenario in " + list + "; known: " + all.stream().map(s -> s.name).toList());
      }
      return out;
    }
  }

  /**
   * Before timing, {@value #CHECK_DRAWS} draws per scenario (seeds 1..) through {@link #list} against a plain query of
   * the same meaning (scope prefix OR team, the filters, {@code OFFSET/FETCH} paging): each page must hold the same ids
   * in the same order and each total must equal the plain COUNT; and at least one page must not be empty (unless
   * {@code --allow-empty}, for small trial sizes) — so that no scenario times an empty or wrong query.
   */
  private static List<Map<String, Object>> check(Connection c, List<Scenario> scenarios, boolean allowEmpty) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", s.name);
      List<Map<String, Object>> draws = new ArrayList<>();
      for (int seed = 1; seed <= CHECK_DRAWS; seed++) {
        draws.add(checkOne(c, s, s.next(new SplittableRandom(seed))));
      }
      m.put("draws", draws);
      System.err.println("check " + Bench.Json.write(m));
      if (!allowEmpty && draws.stream().allMatch(d -> (Integer) d.get("pageRows") == 0)) {
        throw new IllegalStateException("scenario " + s.name + ": every checked page is empty " + draws);
      }
      out.add(m);
    }
    return out;
  }

  static final int CHECK_DRAWS = 3;

  private static Map<String, Object> checkOne(Connection c, Scenario s, Request q) throws SQLException {
    {
      List<Long> ids = new ArrayList<>();
      long t0 = System.nanoTime();
      long total = list(c, q, s.sql, ids)[1];
      double ms = Bench.round((System.nanoTime() - t0) / 1e6, 1);
      StringBuilder where = new StringBuilder(" WHERE (OWNING_BRANCH_PATH LIKE ?" + (q.myTeam() == null ? "" : " OR ASSIGNED_TEAM_ID = ?") + ")");
      List<Object> values = new ArrayList<>(List.of(q.scope() + "%"));
      if (q.myTeam() != null) {
        values.add(q.myTeam());
      }
      for (String[] f : new String[][] {{"STATUS", q.status()}, {"TICKET_TYPE", q.type()}, {"PRIORITY", q.priority()}}) {
        if (f[1] != null) {
          where.append(" AND ").append(f[0]).append(" = ?");
          values.add(f[1]);
        }
      }
      long count;
      List<Long> plain = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM TICKET" + where)) {
        for (int i = 0; i < values.size(); i++) {
          ps.setObject(i + 1, values.get(i));
        }
        try (ResultSet r = ps.executeQuery()) {
          r.next();
          count = r.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM TICKET" + where + " ORDER BY CREATED_AT DESC, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
        for (int i = 0; i < values.size(); i++) {
          ps.setObject(i + 1, values.get(i));
        }
        ps.setInt(values.size() + 1, q.offset());
        ps.setInt(values.size() + 2, q.limit());
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            plain.add(r.getLong(1));
          }
        }
      }
      boolean capped = countCap > 0 && q.wide() && q.status() == null && q.type() == null && q.priority() == null && total > countCap; // a recent window's count beyond the cap
      long expected = capped ? total : count;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scope", q.scope());
      m.put("total", total);
      m.put("plainCount", count);
      m.put("expectedTotal", expected);
      m.put("pageRows", ids.size());
      m.put("samePage", ids.equals(plain));
      m.put("firstCallMs", ms);
      if (total != expected || (capped && total > count) || !ids.equals(plain)) {
        throw new IllegalStateException("scenario " + s.name + " " + q + ": list gave total " + total + " and ids " + ids
            + "; the plain query " + count + " and " + plain);
      }
      return m;
    }
  }

  /**
   * H2's plan and read counts ({@code EXPLAIN ANALYZE}, values bound as parameters like the application's) of each
   * scenario's page and COUNT, for one fixed draw (seed 1): which index it used and how many rows it touched.
   */
  private static List<Map<String, Object>> plans(Connection c, List<Scenario> scenarios) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      Request q = s.next(new SplittableRandom(1));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", s.name);
      m.put("request", q.toString());
      for (int part = 0; part < q.parts(s.sql); part++) {
        int p = part;
        long t0 = System.nanoTime();
        m.put("pagePlan" + p, SqlBench.explainAnalyze(c, q.pageSql(s.sql, p), ps -> q.bindPage(ps, s.sql, p)));
        m.put("pageMs" + p, Bench.round((System.nanoTime() - t0) / 1e6, 1));
        long t1 = System.nanoTime();
        m.put("countPlan" + p, SqlBench.explainAnalyze(c, q.countSql(s.sql, p), ps -> q.bind(ps, s.sql, p)));
        m.put("countMs" + p, Bench.round((System.nanoTime() - t1) / 1e6, 1));
      }
      out.add(m);
    }
    return out;
  }
}
