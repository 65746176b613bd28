package org.centralis.bench;

import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRResultSetDataSource;
import org.centralis.reporting.application.FactOutbox.Fact;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.infrastructure.FactClaims;
import org.centralis.reporting.infrastructure.FactRoller;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;
import org.centralis.reporting.infrastructure.ReportSource;
import org.centralis.reports.ReportFormat;
import org.centralis.reports.ReportRenderer;
import org.flywaydb.core.Flyway;

/**
 * The reports at scale, without the application server (issue 6): an H2 file database in Oracle mode built with the
 * real Flyway migrations, loaded with 13 months of tickets, contacts, SLA clocks, complaints, return visits, quality
 * scores and a sample of agent-state periods, each countable event with its pending fact as the application records
 * it; the roll-up of those facts into the interval aggregates by the real {@link FactRoller}s, the way FactBatch does
 * (FactClaims.pending + claim, roller.roll, commit per batch) with 1 thread, then 2 (two nodes); then each report
 * source's query, filled and exported to PDF by the real {@link ReportRenderer} (swap-file virtualizer), twice.
 *
 * <p>Rollers and report sources are found by class name at run time, so that this bench measures whichever of them the
 * build holds. A kind of fact without a roller is aggregated by a labelled fallback (the bench's own scan of the raw
 * rows, summed in memory, same definitions) so that the reports can still be timed; {@code --rollup sql} forces the
 * fallback for every kind, {@code --rollup rollers} refuses it. A source that needs a container-injected field it
 * cannot get is reported ({@code unsatisfiedInjections}).
 *
 * <pre>
 *   mvn -B -q -o -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/rbench.cp
 *   CP=bench/target/classes:$(cat /tmp/rbench.cp)
 *   # load and roll up (the fallback keeps its sums in memory: give it room)
 *   java -Xmx2g -XX:+UseG1GC -cp $CP org.centralis.bench.ReportBench --dir /tmp/report-bench --phases generate,rollup \
 *       [--tickets 1000000] [--contacts 3000000] [--rollup auto|rollers|sql] [--solo-share 0.25] [--rollup-max-seconds 3600] \
 *       [--keep-gen true] [--month 2026-10] [--agent-days 1] [--fallback-agent-contacts true]
 *   # the reports, in the heap the target names
 *   java -Xmx512m -XX:+UseG1GC -Xlog:gc:file=/tmp/report-bench-gc.log -cp $CP org.centralis.bench.ReportBench \
 *       --dir /tmp/report-bench --phases reports [--runs 2] [--month 2026-10]
 * </pre>
 *
 * Phases: {@code generate} writes {@code <dir>/gen.mv.db} (kept untouched); {@code rollup} copies it to
 * {@code <dir>/work.mv.db} and rolls up there; {@code reports} reads {@code work}. One JSON line on stdout, progress on
 * stderr, PDFs in {@code <dir>/out}.
 */
public final class ReportBench {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String PKG = "org.centralis.reporting.infrastructure.";
  /** Rollers by kind: the class names the roll-up helpers write (bound at run time). */
  private static final Map<Fact, String> ROLLERS = Map.of(
      Fact.CONTACT, PKG + "ContactRoller", Fact.AGENT_STATE, PKG + "AgentStateRoller", Fact.TICKET, PKG + "TicketRoller");
  /** Report sources, in the order they are timed; a daily source gets one day, every other one the month. */
  private static final List<String> SOURCES = List.of(
      PKG + "ServiceQualityMonthlySource", PKG + "ContactCenterDailySource", PKG + "SlaBreachesSource",
      PKG + "AgentPerformanceSource", PKG + "BranchComparisonSource", PKG + "ComplaintAnalysisSource");
  private static final String DAILY_CODE = "contact-center-daily";
  private static final int FLUSH_ROWS = 10_000;
  /** --fallback-agent-contacts false: the fallback skips ACD_AGENT_CONTACT_STAT (one row per agent and half hour). */
  private static boolean fallbackAgentContacts = true;

  private ReportBench() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    int tickets = Integer.parseInt(a.getOrDefault("tickets", "1000000"));
    int contacts = Integer.parseInt(a.getOrDefault("contacts", "3000000"));
    int agentDays = Integer.parseInt(a.getOrDefault("agent-days", "1"));
    int runs = Integer.parseInt(a.getOrDefault("runs", "2"));
    double soloShare = Double.parseDouble(a.getOrDefault("solo-share", "0.25"));
    long rollupMaxSeconds = Long.parseLong(a.getOrDefault("rollup-max-seconds", "3600"));
    String rollup = a.getOrDefault("rollup", "auto");
    boolean keepGen = Boolean.parseBoolean(a.getOrDefault("keep-gen", "true"));
    fallbackAgentContacts = Boolean.parseBoolean(a.getOrDefault("fallback-agent-contacts", "true"));
    List<String> phases = List.of(a.getOrDefault("phases", "generate,rollup,reports").split(","));
    YearMonth month = a.containsKey("month") ? YearMonth.parse(a.get("month")) : YearMonth.now(ZONE).minusMonths(1);
    Path dir = Path.of(a.getOrDefault("dir", "/tmp/report-bench"));
    if (tickets < 1_000 || tickets > 2_000_000 || contacts < 1_000 || contacts > 6_000_000 || agentDays < 0 || agentDays > 31
        || runs < 1 || runs > 5 || rollupMaxSeconds > 4 * 3600 || soloShare < 0 || soloShare > 1 || !List.of("auto", "rollers", "sql").contains(rollup)) {
      throw new IllegalArgumentException(
          "bounded: 1,000–2,000,000 tickets, 1,000–6,000,000 contacts, 0–31 agent days, 1–5 runs, rollup-max-seconds ≤ 14400, solo-share 0–1, rollup auto|rollers|sql");
    }
    Files.createDirectories(dir.resolve("out"));
    LoadSampler load = LoadSampler.start();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("startedAt", Instant.now().toString());
    out.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
    out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    out.put("month", month.toString());
    Dataset dataset = new Dataset(month, agentDays);
    if (phases.contains("generate")) {
      out.put("generate", generate(dir, tickets, contacts, dataset, load));
    }
    if (phases.contains("rollup")) {
      out.put("rollup", rollup(dir, rollup, soloShare, rollupMaxSeconds, keepGen, load));
    }
    if (phases.contains("reports")) {
      out.put("reports", reports(dir, dataset, runs, load));
    }
    load.stop();
    out.put("finishedAt", Instant.now().toString());
    System.out.println(toJson(out));
  }

  static String url(Path dir, String name) {
    return "jdbc:h2:file:" + dir.resolve(name) + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
  }

  // ---------------------------------------------------------------------------------------------------- generate --

  /** The period the data spans and the days the bench reports on. */
  static final class Dataset {
    final YearMonth month;
    final LocalDate first;
    final LocalDate endExclusive;
    final LocalDate busyDay;
    final int agentDays;

    Dataset(YearMonth month, int agentDays) {
      this.month = month;
      this.first = month.minusMonths(12).atDay(1);
      this.endExclusive = month.plusMonths(1).atDay(1);
      this.busyDay = month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      this.agentDays = agentDays;
    }

    int days() {
      return (int) (endExclusive.toEpochDay() - first.toEpochDay());
    }

    double weight(LocalDate d, SplittableRandom r) {
      double w = switch (d.getDayOfWeek()) {
        case SATURDAY -> 0.6;
        case SUNDAY -> 0.5;
        default -> 1.0;
      };
      return (d.equals(busyDay) ? 1.8 : 1.0) * w * (0.9 + 0.2 * r.nextDouble());
    }
  }

  private static final double[] HOUR_WEIGHTS = {1, 0.6, 0.4, 0.4, 0.5, 1, 3, 7, 13, 17, 18, 16, 11, 13, 16, 16, 14, 12, 9, 7, 6, 4, 3, 2};
  private static final double[] HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);
  /** id, code, name, English name, SL threshold s, SL target %, wrap-up s, share of contacts. */
  private static final Object[][] QUEUES = {
    {1L, "RETAIL", "个人业务", "Retail banking", 20, 80, 20, 0.38},
    {2L, "CARD", "信用卡", "Credit cards", 20, 80, 20, 0.25},
    {3L, "CORPORATE", "对公业务", "Corporate banking", 30, 80, 30, 0.10},
    {4L, "COMPLAINT", "投诉专线", "Complaints line", 15, 90, 60, 0.07},
    {5L, "ENGLISH", "English service", "English service", 20, 80, 5, 0.05},
    {6L, "WEALTH", "财富管理", "Wealth management", 20, 85, 30, 0.15},
  };
  private static final String[] REGIONS = {"华东区域", "华北区域", "华南区域", "西部区域", "东北区域"};
  private static final String[] REGIONS_EN = {"East China Region", "North China Region", "South China Region", "West China Region", "Northeast Region"};
  private static final int BRANCHES_PER_REGION = 20;
  private static final int AGENTS = 500;
  private static final long AGENT_ID0 = 20_001;
  private static final int CUSTOMERS = 20_000;
  /** type, share, leaf category ids (V5). */
  private static final Object[][] TYPES = {
    {"INQUIRY", 0.35, new long[] {2, 3, 4}},
    {"CONSULTATION", 0.25, new long[] {11, 12, 13}},
    {"BUSINESS_REQUEST", 0.22, new long[] {21, 22, 23}},
    {"COMPLAINT", 0.008, new long[] {31, 32, 33, 34}},
    {"SUGGESTION", 0.022, new long[] {41, 42}},
    {"FAULT_REPORT", 0.15, new long[] {51, 52, 53}},
  };
  private static final String[] TICKET_CHANNELS = {"BRANCH_COUNTER", "PHONE", "WEB", "MOBILE_APP", "EMAIL"};
  private static final double[] TICKET_CHANNEL_CUMULATIVE = cumulative(new double[] {30, 40, 10, 15, 5});
  /** priority, policy id (V9), resolution target s, first-response target s. */
  private static final Object[][] PRIORITIES = {
    {"LOW", 2L, 252_000L, 25_200L}, {"NORMAL", 1L, 126_000L, 14_400L}, {"HIGH", 3L, 50_400L, 7_200L}, {"URGENT", 4L, 28_800L, 1_800L}};
  private static final double[] PRIORITY_CUMULATIVE = cumulative(new double[] {15, 65, 17, 3});
  private static final String[] OPEN_STATUSES = {"DISPATCHED", "ACCEPTED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED"};
  private static final long[] COMPLAINT_TAXA = {2, 3, 11, 12, 21, 22, 31, 32, 41, 42};
  private static final long[] ROOT_CAUSES = {101, 102, 111, 112, 121, 131, 140};

  private static Map<String, Object> generate(Path dir, int tickets, int contacts, Dataset ds, LoadSampler load) throws Exception {
    for (String f : List.of("gen.mv.db", "gen.trace.db", "work.mv.db", "work.trace.db")) {
      Files.deleteIfExists(dir.resolve(f));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    load.mark();
    long t0 = System.nanoTime();
    Flyway.configure().dataSource(url(dir, "gen"), "sa", "").locations("classpath:db/migration").load().migrate();
    out.put("migrateSeconds", seconds(t0));
    try (Connection c = DriverManager.getConnection(url(dir, "gen"), "sa", "")) {
      c.setAutoCommit(false);
      Generator g = new Generator(c, ds, new SplittableRandom(42));
      long t1 = System.nanoTime();
      g.dimensions();
      out.put("dimensionsSeconds", seconds(t1));
      long t2 = System.nanoTime();
      g.tickets(tickets);
      out.put("ticketSeconds", seconds(t2));
      long t3 = System.nanoTime();
      g.contacts(contacts);
      out.put("contactSeconds", seconds(t3));
      long t4 = System.nanoTime();
      g.agentStates();
      g.qaScores(5_000);
      g.flush();
      out.put("agentStateAndQaSeconds", seconds(t4));
      out.put("rows", g.rows);
      out.put("busyDay", ds.busyDay.toString());
      out.put("busyDayContacts", g.busyDayContacts);
    }
    out.put("loadSeconds", seconds(t0));
    out.put("dbFileMB", Files.size(dir.resolve("gen.mv.db")) >> 20);
    out.put("loadAverage", load.since());
    return out;
  }

  /** Writes the rows with JDBC batches, parents before children, a commit every {@value #FLUSH_ROWS} rows of a table. */
  static final class Generator {
    private final Connection c;
    private final Dataset ds;
    private final SplittableRandom r;
    private final List<Batch> batches = new ArrayList<>();
    final Map<String, Long> rows = new LinkedHashMap<>();
    long busyDayContacts;
    private long factId = 1;
    private long clockId = 1;
    private final long[] branchIds = new long[REGIONS.length * BRANCHES_PER_REGION];
    private final String[] branchPaths = new String[branchIds.length];
    private final double[] branchCumulative;
    private final Batch ticket;
    private final Batch clock;
    private final Batch complaint;
    private final Batch visit;
    private final Batch interaction;
    private final Batch queueVisit;
    private final Batch stateLog;
    private final Batch qa;
    private final Batch fact;

    Generator(Connection c, Dataset ds, SplittableRandom r) throws SQLException {
      this.c = c;
      this.ds = ds;
      this.r = r;
      double[] w = new double[branchIds.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = 1.0 / (1 + 0.04 * i); // a few big branches, a long tail
      }
      branchCumulative = cumulative(w);
      ticket = batch("TICKET", "INSERT INTO TICKET (ID, TICKET_NO, TICKET_TYPE, CATEGORY_ID, PRIORITY, STATUS, CHANNEL, SUBJECT, CUSTOMER_ID,"
          + " OWNING_BRANCH_ID, OWNING_BRANCH_PATH, CREATED_BY_ID, CREATED_AT, UPDATED_AT, DISPATCHED_AT, CLOSED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      clock = batch("SLA_CLOCK", "INSERT INTO SLA_CLOCK (ID, TICKET_ID, TICKET_NO, BRANCH_PATH, METRIC, POLICY_ID, CHAIN_ID, CALENDAR_CODE, TARGET_SECONDS,"
          + " WARN_PERCENTS, STATE, STARTED_AT, DUE_AT, WARNINGS_FIRED, ESCALATION_LEVEL, MET_AT, BREACHED_AT, STOPPED_AT, NEXT_DUE_AT)"
          + " VALUES (?, ?, ?, ?, ?, ?, 1, '7x24', ?, '75,90', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      complaint = batch("COMPLAINT", "INSERT INTO COMPLAINT (ID, TICKET_ID, TICKET_NO, CATEGORY_ID, CUSTOMER_ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH,"
          + " TICKET_STATUS, SEVERITY, TAXONOMY_ID, CHANNEL, REGULATOR_DEADLINE, REPEAT_COMPLAINT, ROOT_CAUSE_ID, RESOLUTION_AT, CREATED_AT, CLOSED_AT)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      visit = batch("RETURN_VISIT", "INSERT INTO RETURN_VISIT (ID, TICKET_ID, TICKET_NO, TICKET_TYPE, CUSTOMER_ID, OWNING_BRANCH_PATH, RULE_NAME, STATUS,"
          + " ATTEMPTS, CSAT, AGENT_LOGIN, CREATED_AT, LAST_ATTEMPT_AT, COMPLETED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      interaction = batch("ACD_INTERACTION", "INSERT INTO ACD_INTERACTION (ID, EXTERNAL_ID, CHANNEL, QUEUE_ID, STATE, ARRIVED_AT, QUEUE_ENTERED_AT, AGENT_ID,"
          + " ANSWERED_AT, ENDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      queueVisit = batch("ACD_QUEUE_VISIT", "INSERT INTO ACD_QUEUE_VISIT (INTERACTION_ID, VISIT_NO, QUEUE_ID, ENTERED_AT, REASON) VALUES (?, 1, ?, ?, 'ARRIVAL')");
      stateLog = batch("ACD_AGENT_STATE_LOG", "INSERT INTO ACD_AGENT_STATE_LOG (ID, STAFF_ID, BRANCH_PATH, STATE, REASON_CODE, STARTED_AT, ENDED_AT) VALUES (?, ?, '/1/', ?, ?, ?, ?)");
      qa = batch("QA_SCORE", "INSERT INTO QA_SCORE (ID, FORM_ID, TICKET_NO, AGENT_STAFF_ID, SCORER_LOGIN, TOTAL, ITEMS, SCORED_AT) VALUES (?, 1, ?, ?, 'qa1', ?, ?, ?)");
      fact = batch("REPORT_FACT_PENDING", "INSERT INTO REPORT_FACT_PENDING (ID, FACT, REF_ID, DETAIL, CREATED_AT) VALUES (?, ?, ?, ?, ?)");
    }

    private Batch batch(String table, String sql) throws SQLException {
      Batch b = new Batch(table, c.prepareStatement(sql));
      batches.add(b);
      return b;
    }

    /** HQ → 5 regions → 100 city branches (PATH '/1/2/100/' as the application writes it), staff, queues, customers. */
    void dimensions() throws SQLException {
      try (PreparedStatement b = c.prepareStatement("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement s = c.prepareStatement("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (?, ?, ?, ?, 'bench')");
          PreparedStatement role = c.prepareStatement("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) VALUES (?, ?)")) {
        branch(b, 1, "HQ", "总行", "Head Office", "HEADQUARTERS", null, "/1/");
        for (int reg = 0; reg < REGIONS.length; reg++) {
          long regionId = 2 + reg;
          String regionPath = "/1/" + regionId + "/";
          branch(b, regionId, "R-" + regionId, REGIONS[reg], REGIONS_EN[reg], "REGION", 1L, regionPath);
          for (int k = 0; k < BRANCHES_PER_REGION; k++) {
            int i = reg * BRANCHES_PER_REGION + k;
            long id = 100 + i;
            branchIds[i] = id;
            branchPaths[i] = regionPath + id + "/";
            branch(b, id, String.format("BR-%03d", i + 1), String.format("第%03d分行", i + 1), String.format("Branch %03d", i + 1), "BRANCH", regionId, branchPaths[i]);
          }
        }
        b.executeBatch();
        staff(s, role, 9_000, "hq1", 1, "HQ_MANAGER");
        for (int i = 0; i < branchIds.length; i++) {
          staff(s, role, 10_000 + branchIds[i], "bs" + branchIds[i], branchIds[i], "BRANCH_STAFF");
        }
        for (int i = 0; i < AGENTS; i++) {
          staff(s, role, AGENT_ID0 + i, "bagent" + (i + 1), 1, "AGENT");
        }
        s.executeBatch();
        role.executeBatch();
      }
      // The agents' seats (signed out now): the contact-center scope is "queues whose seats are in the subtree".
      try (PreparedStatement seat = c.prepareStatement(
          "INSERT INTO ACD_AGENT_STATE (STAFF_ID, LOGIN, BRANCH_PATH, STATE, STATE_SINCE) VALUES (?, ?, '/1/', 'LOGGED_OUT', ?)")) {
        for (int i = 0; i < AGENTS; i++) {
          seat.setLong(1, AGENT_ID0 + i);
          seat.setString(2, "bagent" + (i + 1));
          seat.setObject(3, ts(ds.endExclusive.atStartOfDay(ZONE).toInstant()));
          seat.addBatch();
        }
        seat.executeBatch();
      }
      try (PreparedStatement q = c.prepareStatement("INSERT INTO ACD_QUEUE (ID, CODE, NAME, NAME_EN, STRATEGY, SL_THRESHOLD_SECONDS, SL_TARGET_PERCENT,"
          + " WRAP_UP_SECONDS) VALUES (?, ?, ?, ?, 'LONGEST_IDLE', ?, ?, ?)");
          PreparedStatement rc = c.prepareStatement("INSERT INTO ACD_REASON_CODE (CODE, NAME, NAME_EN) VALUES (?, ?, ?)")) {
        for (Object[] d : QUEUES) {
          q.setLong(1, (Long) d[0]);
          q.setString(2, (String) d[1]);
          q.setString(3, (String) d[2]);
          q.setString(4, (String) d[3]);
          q.setInt(5, (Integer) d[4]);
          q.setInt(6, (Integer) d[5]);
          q.setInt(7, (Integer) d[6]);
          q.addBatch();
        }
        q.executeBatch();
        for (String[] d : new String[][] {{"BREAK", "小休", "Break"}, {"LUNCH", "午餐", "Lunch"}, {"TRAINING", "培训", "Training"}, {"MEETING", "会议", "Meeting"}}) {
          rc.setString(1, d[0]);
          rc.setString(2, d[1]);
          rc.setString(3, d[2]);
          rc.addBatch();
        }
        rc.executeBatch();
      }
      String[] tiers = {"STANDARD", "SILVER", "GOLD", "PLATINUM", "PRIVATE"};
      double[] tierCumulative = cumulative(new double[] {70, 15, 10, 4, 1});
      try (PreparedStatement cu = c.prepareStatement("INSERT INTO CUSTOMER (ID, CUSTOMER_NO, KIND, NAME, TIER, BRANCH_ID, BRANCH_PATH) VALUES (?, ?, 'PERSON', ?, ?, ?, ?)")) {
        for (int i = 1; i <= CUSTOMERS; i++) {
          int b = pick(branchCumulative);
          cu.setLong(1, i);
          cu.setString(2, String.format("C%09d", i));
          cu.setString(3, "客户" + i);
          cu.setString(4, tiers[pick(tierCumulative)]);
          cu.setLong(5, branchIds[b]);
          cu.setString(6, branchPaths[b]);
          cu.addBatch();
        }
        cu.executeBatch();
      }
      c.commit();
      rows.put("BRANCH", 1L + REGIONS.length + branchIds.length);
      rows.put("STAFF", 1L + branchIds.length + AGENTS);
      rows.put("ACD_AGENT_STATE", (long) AGENTS);
      rows.put("ACD_QUEUE", (long) QUEUES.length);
      rows.put("CUSTOMER", (long) CUSTOMERS);
    }

    private static void branch(PreparedStatement b, long id, String code, String name, String nameEn, String kind, Long parent, String path) throws SQLException {
      b.setLong(1, id);
      b.setString(2, code);
      b.setString(3, name);
      b.setString(4, nameEn);
      b.setString(5, kind);
      b.setObject(6, parent);
      b.setString(7, path);
      b.addBatch();
    }

    private static void staff(PreparedStatement s, PreparedStatement role, long id, String login, long branch, String roleName) throws SQLException {
      s.setLong(1, id);
      s.setString(2, login);
      s.setString(3, login);
      s.setLong(4, branch);
      s.addBatch();
      role.setLong(1, id);
      role.setString(2, roleName);
      role.addBatch();
    }

    /** Tickets spread over the days by weekday and hour; ~85 % closed; SLA clocks; complaints; return visits; facts. */
    void tickets(int total) throws SQLException {
      long[] perDay = spread(total);
      double[] typeCumulative = cumulative(java.util.Arrays.stream(TYPES).mapToDouble(t -> (Double) t[1]).toArray());
      long id = 0;
      long complaintId = 0;
      long visitId = 0;
      for (int d = 0; d < perDay.length; d++) {
        LocalDate day = ds.first.plusDays(d);
        String prefix = "T" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        for (int n = 1; n <= perDay[d]; n++) {
          id++;
          String no = prefix + String.format("%06d", n);
          Object[] type = TYPES[pick(typeCumulative)];
          String typeName = (String) type[0];
          long[] cats = (long[]) type[2];
          long category = cats[r.nextInt(cats.length)];
          Object[] prio = PRIORITIES[pick(PRIORITY_CUMULATIVE)];
          int b = r.nextInt(100) == 0 ? -1 : pick(branchCumulative); // 1 % owned by headquarters itself
          long branchId = b < 0 ? 1 : branchIds[b];
          String path = b < 0 ? "/1/" : branchPaths[b];
          String channel = TICKET_CHANNELS[pick(TICKET_CHANNEL_CUMULATIVE)];
          Long customer = r.nextInt(2) == 0 ? null : 1L + r.nextInt(CUSTOMERS);
          Instant created = at(day);
          double u = r.nextDouble();
          String status = u < 0.85 ? "CLOSED" : u < 0.87 ? "CANCELLED" : OPEN_STATUSES[r.nextInt(OPEN_STATUSES.length)];
          boolean dispatched = r.nextDouble() < 0.6;
          long closeSeconds = 300 + (long) exp(20 * 3600);
          Instant closed = status.equals("CLOSED") ? created.plusSeconds(Math.min(closeSeconds, 20 * 86_400)) : null;
          Instant updated = closed != null ? closed : created.plusSeconds(600);
          ticket.set(id, no, typeName, category, prio[0], status, channel, "bench " + typeName.toLowerCase(Locale.ROOT), customer, branchId, path,
              b < 0 ? 9_000L : 10_000 + branchId, ts(created), ts(updated), dispatched ? ts(created.plusSeconds(60 + r.nextInt(600))) : null, ts(closed));
          fact(Fact.TICKET, id, "LOGGED", created);
          if (closed != null) {
            fact(Fact.TICKET, id, "CLOSED:" + closed.toEpochMilli(), closed);
          }
          if (r.nextDouble() < 0.6) {
            slaClock(id, no, path, "RESOLUTION", (Long) prio[1], (Long) prio[2], created, status, closed);
            if (r.nextDouble() < 0.5) {
              Instant responded = status.equals("CANCELLED") ? null : created.plusSeconds(60 + (long) exp(1.5 * 3600));
              slaClock(id, no, path, "FIRST_RESPONSE", (Long) prio[1], (Long) prio[3], created, responded == null ? "CANCELLED" : "CLOSED", responded);
            }
          }
          boolean isComplaint = typeName.equals("COMPLAINT");
          if (isComplaint) {
            complaintId++;
            String severity = u(0.05) ? "CRITICAL" : u(0.26) ? "MAJOR" : "MINOR";
            complaint.set(complaintId, id, no, category, customer, branchId, path, status, severity, COMPLAINT_TAXA[r.nextInt(COMPLAINT_TAXA.length)], channel,
                ts(created.plusSeconds((severity.equals("CRITICAL") ? 7 : 15) * 86_400L)), u(0.1) ? 1 : 0,
                closed == null ? null : ROOT_CAUSES[r.nextInt(ROOT_CAUSES.length)], ts(closed), ts(created), ts(closed));
          }
          if (closed != null && (isComplaint || u(0.02))) {
            visitId++;
            boolean reached = u(0.85);
            double s = r.nextDouble();
            Integer csat = !reached ? null : s < 0.45 ? 5 : s < 0.75 ? 4 : s < 0.9 ? 3 : s < 0.96 ? 2 : 1;
            Instant completed = closed.plusSeconds(3_600 + r.nextInt(86_400));
            visit.set(visitId, id, no, typeName, customer, path, isComplaint ? "ALL_COMPLAINTS" : "SAMPLE_OTHERS", reached ? "COMPLETED" : "UNREACHABLE",
                1 + r.nextInt(3), csat, "bagent" + (1 + r.nextInt(AGENTS)), ts(closed.plusSeconds(600)), ts(completed), reached ? ts(completed) : null);
          }
          if (id % 200_000 == 0) {
            System.err.println("tickets " + id);
          }
        }
      }
      rows.put("TICKET", id);
      rows.put("SLA_CLOCK", clockId - 1);
      rows.put("COMPLAINT", complaintId);
      rows.put("RETURN_VISIT", visitId);
    }

    /** A clock that ended MET or BREACHED by the ticket's outcome (due = start + target, on 7x24), or still runs. */
    private void slaClock(long ticketId, String no, String path, String metric, long policy, long target, Instant started, String status, Instant done)
        throws SQLException {
      long id = clockId++;
      Instant due = started.plusSeconds(target);
      Instant now = Instant.now();
      String state;
      Instant met = null;
      Instant breached = null;
      Instant stopped = null;
      Instant next = null;
      if (status.equals("CANCELLED")) {
        state = "CANCELLED";
        stopped = started.plusSeconds(3_600);
      } else if (done != null && !done.isAfter(due)) {
        state = "MET";
        met = done;
      } else if (due.isBefore(now)) {
        state = "BREACHED";
        breached = due;
        next = due.plusSeconds(7_200);
      } else {
        state = "RUNNING";
        next = started.plusSeconds(target * 3 / 4);
      }
      clock.set(id, ticketId, no, path, metric, policy, target, state, ts(started), ts(due), breached != null ? 2 : 0, breached != null ? 1 : 0,
          ts(met), ts(breached), ts(stopped), ts(next));
      if (met != null) { // as the sla context records them: SLA_MET|SLA_BREACHED:<clock id>:<epoch day of the outcome, China Standard Time>
        fact(Fact.TICKET, ticketId, "SLA_MET:" + id + ":" + LocalDate.ofInstant(met, ZONE).toEpochDay(), met);
      } else if (breached != null) {
        fact(Fact.TICKET, ticketId, "SLA_BREACHED:" + id + ":" + LocalDate.ofInstant(breached, ZONE).toEpochDay(), breached);
      }
    }

    /** Final contacts (answered and ended, a few transferred, or abandoned), each with its arrival visit and fact. */
    void contacts(int total) throws SQLException {
      long[] perDay = spread(total);
      double[] queueCumulative = cumulative(java.util.Arrays.stream(QUEUES).mapToDouble(q -> (Double) q[7]).toArray());
      double[] channelCumulative = cumulative(new double[] {78, 17, 5});
      String[] channels = {"VOICE", "CHAT", "EMAIL"};
      long id = 0;
      for (int d = 0; d < perDay.length; d++) {
        LocalDate day = ds.first.plusDays(d);
        boolean busy = day.equals(ds.busyDay);
        if (busy) {
          busyDayContacts = perDay[d];
        }
        for (int n = 0; n < perDay[d]; n++) {
          id++;
          Object[] q = QUEUES[pick(queueCumulative)];
          String channel = channels[pick(channelCumulative)];
          Instant arrived = at(day);
          boolean abandoned = r.nextDouble() < (busy ? 0.12 : 0.06);
          Instant answered = null;
          Instant ended;
          Long agent = null;
          String state;
          if (abandoned) {
            ended = arrived.plusSeconds(Math.min(600, 1 + (long) exp(35)));
            state = "ABANDONED";
          } else {
            answered = arrived.plusSeconds(Math.min(600, (long) exp(busy ? 40 : 18)));
            ended = answered.plusSeconds(20 + (long) exp(channel.equals("VOICE") ? 200 : channel.equals("CHAT") ? 400 : 280));
            agent = AGENT_ID0 + r.nextInt(AGENTS);
            state = u(0.02) ? "TRANSFERRED" : "ENDED";
          }
          interaction.set(id, "B" + id, channel, q[0], state, ts(arrived), ts(arrived), agent, ts(answered), ts(ended));
          queueVisit.set(id, q[0], ts(arrived));
          fact(Fact.CONTACT, id, null, ended);
          if (id % 500_000 == 0) {
            System.err.println("contacts " + id);
          }
        }
      }
      rows.put("ACD_INTERACTION", id);
      rows.put("ACD_QUEUE_VISIT", id);
    }

    /** Each agent's state periods on the last {@code agentDays} days up to the busy day: an 8-hour shift of cycles. */
    void agentStates() throws SQLException {
      long id = 0;
      for (int d = ds.agentDays - 1; d >= 0; d--) {
        LocalDate day = ds.busyDay.minusDays(d);
        for (int a = 0; a < AGENTS; a++) {
          Instant t = day.atTime(8 + 2 * (a % 3), 0).atZone(ZONE).toInstant().plusSeconds(r.nextInt(600));
          Instant end = t.plusSeconds(8 * 3_600);
          boolean lunch = false;
          while (t.isBefore(end)) {
            String state;
            String reason = null;
            long len;
            double u = r.nextDouble();
            if (u < 0.03) {
              state = "NOT_READY";
              reason = !lunch && t.isAfter(end.minusSeconds(5 * 3_600)) ? "LUNCH" : u < 0.02 ? "BREAK" : u < 0.025 ? "TRAINING" : "MEETING";
              lunch |= reason.equals("LUNCH");
              len = reason.equals("LUNCH") ? 3_600 : 300 + r.nextInt(900);
            } else {
              state = "READY";
              len = 5 + (long) exp(90);
            }
            id = stateRow(id, a, state, reason, t, len);
            t = t.plusSeconds(len);
            if (state.equals("READY")) {
              long talk = 20 + (long) exp(200);
              id = stateRow(id, a, "BUSY", null, t, talk);
              t = t.plusSeconds(talk);
              id = stateRow(id, a, "WRAP_UP", null, t, 20);
              t = t.plusSeconds(20);
            }
          }
        }
      }
      rows.put("ACD_AGENT_STATE_LOG", id);
    }

    private long stateRow(long id, int agent, String state, String reason, Instant from, long seconds) throws SQLException {
      long next = id + 1;
      Instant to = from.plusSeconds(seconds);
      stateLog.set(next, AGENT_ID0 + agent, state, reason, ts(from), ts(to));
      fact(Fact.AGENT_STATE, next, null, to);
      return next;
    }

    void qaScores(int n) throws SQLException {
      for (int i = 1; i <= n; i++) {
        int total = 60 + r.nextInt(41);
        qa.set((long) i, "QA" + i, AGENT_ID0 + r.nextInt(AGENTS), total, "1:" + total + ";2:" + total + ";3:" + total + ";4:" + total + ";5:" + total,
            ts(at(ds.first.plusDays(r.nextInt(ds.days())))));
      }
      rows.put("QA_SCORE", (long) n);
    }

    private void fact(Fact kind, long ref, String detail, Instant at) throws SQLException {
      fact.set(factId++, kind.name(), ref, detail, ts(at));
      rows.merge("REPORT_FACT_PENDING." + kind.name(), 1L, Long::sum);
    }

    void flush() throws SQLException {
      for (Batch b : batches) {
        b.flush();
      }
      c.commit();
    }

    /** Rows per day, proportional to the day's weight, adding up to {@code total}. */
    private long[] spread(long total) {
      double[] w = new double[ds.days()];
      double sum = 0;
      for (int i = 0; i < w.length; i++) {
        w[i] = ds.weight(ds.first.plusDays(i), r);
        sum += w[i];
      }
      long[] n = new long[w.length];
      long given = 0;
      for (int i = 0; i < w.length; i++) {
        n[i] = (long) Math.floor(total * w[i] / sum);
        given += n[i];
      }
      for (int i = 0; given < total; i = (i + 1) % n.length, given++) {
        n[i]++;
      }
      return n;
    }

    /** An instant on {@code day} (Asia/Shanghai), by the intraday profile, whole seconds. */
    private Instant at(LocalDate day) {
      int hour = pick(HOUR_CUMULATIVE);
      return day.atTime(hour, 0).atZone(ZONE).toInstant().plusSeconds(r.nextInt(3_600));
    }

    private int pick(double[] cumulative) {
      return ReportBench.pick(cumulative, r.nextDouble());
    }

    private double exp(double mean) {
      return -mean * Math.log(1 - r.nextDouble());
    }

    private boolean u(double p) {
      return r.nextDouble() < p;
    }

    /** A prepared insert with a row count; {@link #set} adds a row, flushing every table (parents first) when full. */
    final class Batch {
      final String table;
      final PreparedStatement ps;
      int pending;

      Batch(String table, PreparedStatement ps) {
        this.table = table;
        this.ps = ps;
      }

      void set(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
          ps.setObject(i + 1, values[i]);
        }
        ps.addBatch();
        if (++pending >= FLUSH_ROWS) {
          Generator.this.flush();
        }
      }

      void flush() throws SQLException {
        if (pending > 0) {
          ps.executeBatch();
          pending = 0;
        }
      }
    }
  }

  static OffsetDateTime ts(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  /** The index whose share of {@link #cumulative} holds {@code u} (uniform in [0, 1)). */
  static int pick(double[] cumulative, double u) {
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  static double[] cumulative(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double[] c = new double[weights.length];
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      c[i] = acc / sum;
    }
    return c;
  }

  // ------------------------------------------------------------------------------------------------------ rollup --

  private static Map<String, Object> rollup(Path dir, String mode, double soloShare, long maxSeconds, boolean keepGen, LoadSampler load)
      throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", mode);
    load.mark();
    long c0 = System.nanoTime();
    if (keepGen) {
      Files.copy(dir.resolve("gen.mv.db"), dir.resolve("work.mv.db"), StandardCopyOption.REPLACE_EXISTING);
      out.put("copySeconds", seconds(c0));
    } else { // --keep-gen false: no copy of a multi-GB file; the next rollup needs a new generate
      Files.move(dir.resolve("gen.mv.db"), dir.resolve("work.mv.db"), StandardCopyOption.REPLACE_EXISTING);
    }
    String url = url(dir, "work");
    try (Connection keeper = DriverManager.getConnection(url, "sa", "")) { // keeps the database open between phases' connections
      return rollup(url, mode, soloShare, maxSeconds, load, out);
    }
  }

  private static Map<String, Object> rollup(String url, String mode, double soloShare, long maxSeconds, LoadSampler load, Map<String, Object> out)
      throws Exception {
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (Fact kind : List.of(Fact.CONTACT, Fact.AGENT_STATE, Fact.TICKET)) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("fact", kind.name());
      long backlog = count(url, "SELECT COUNT(*) FROM REPORT_FACT_PENDING WHERE FACT = '" + kind.name() + "'");
      k.put("pending", backlog);
      Bound<FactRoller> roller = mode.equals("sql") ? null : bind(ROLLERS.get(kind), FactRoller.class);
      if (roller != null && roller.instance() != null && roller.instance().fact() != kind) {
        roller = new Bound<>(null, roller.className() + " rolls " + roller.instance().fact() + ", not " + kind, List.of());
      }
      if (roller != null && roller.instance() != null) {
        k.put("by", roller.className());
        k.put("unsatisfiedInjections", roller.unsatisfied());
        long deadline = System.currentTimeMillis() + maxSeconds * 1000;
        k.put("oneThread", drain(url, roller.instance(), kind, 1, (long) Math.ceil(backlog * soloShare), deadline));
        k.put("twoThreads", drain(url, roller.instance(), kind, 2, Long.MAX_VALUE, deadline));
      } else {
        String why = roller == null ? "--rollup sql" : roller.problem();
        if (mode.equals("rollers")) {
          k.put("by", "nothing: " + why + " (--rollup rollers: no fallback)");
        } else {
          k.put("by", "FALLBACK: the bench's own aggregation of the raw rows (" + why + "), not the application's roller");
          k.put("fallback", fallback(url, kind));
        }
      }
      k.put("pendingLeft", count(url, "SELECT COUNT(*) FROM REPORT_FACT_PENDING WHERE FACT = '" + kind.name() + "'"));
      kinds.add(k);
      System.err.println("rollup " + toJson(k));
    }
    out.put("kinds", kinds);
    out.put("guards", guards(url));
    out.put("loadAverage", load.since());
    return out;
  }

  /** FactBatch's loop on plain JDBC: pending → claim → roll → commit, in {@code threads} threads, until the kind is drained. */
  private static Map<String, Object> drain(String url, FactRoller roller, Fact kind, int threads, long limit, long deadline) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicLong claimed = new AtomicLong();
    AtomicLong lost = new AtomicLong();
    AtomicLong batches = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    AtomicBoolean timedOut = new AtomicBoolean();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    long wall0 = System.nanoTime();
    long process0 = os.getProcessCpuTime();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        long cpu0 = mx.getCurrentThreadCpuTime();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
          c.setAutoCommit(false);
          while (claimed.get() < limit) {
            if (System.currentTimeMillis() > deadline) {
              timedOut.set(true);
              break;
            }
            try {
              List<PendingFact> seen = FactClaims.pending(c, kind);
              if (seen.isEmpty()) {
                c.commit();
                break;
              }
              List<PendingFact> mine = FactClaims.claim(c, seen);
              if (!mine.isEmpty()) {
                roller.roll(c, mine);
              }
              c.commit();
              claimed.addAndGet(mine.size());
              lost.addAndGet(seen.size() - mine.size());
              batches.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
              c.rollback();
              if (failures.incrementAndGet() > 100) {
                errors.add("too many failures, stopping: " + e);
                break;
              }
              if (errors.size() < 5) {
                errors.add(e.toString());
              }
            }
          }
        } catch (SQLException e) {
          errors.add(e.toString());
        }
        cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
      }, "roll-" + kind + "-" + t);
      thread.start();
      running.add(thread);
    }
    for (Thread t : running) {
      t.join();
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("threads", threads);
    m.put("facts", claimed.get());
    m.put("seconds", round(wall));
    m.put("factsPerSecond", round(claimed.get() / Math.max(wall, 1e-9)));
    m.put("batches", batches.get());
    m.put("claimsLostToOtherThread", lost.get());
    m.put("rollerThreadsCpuPercentOfOneCore", round(100.0 * cpu.get() / 1e9 / wall));
    m.put("processCpuPercentOfOneCore", round(100.0 * (os.getProcessCpuTime() - process0) / 1e9 / wall));
    m.put("failedBatches", failures.get());
    m.put("timedOut", timedOut.get());
    m.put("errors", errors);
    System.err.println("drain " + kind + " " + toJson(m));
    return m;
  }

  /**
   * Not the application's code: the aggregates of one kind computed from all the raw rows (every generated row is a final
   * event with its fact) in one sequential scan per table, summed in memory and inserted, following the rollers'
   * definitions (V14 comments, docs/metrics.md, ContactRoller/AgentStateRoller/TicketFacts as written). The pending facts
   * are left in place (deleting millions of rows would only time H2's deletes): the database is a throw-away copy. Used
   * only where no roller class is on the class path, so that the report timings can be taken anyway. The sums are held
   * in memory (up to a few million aggregate rows): run this phase with a larger heap than the reports phase.
   */
  private static Map<String, Object> fallback(String url, Fact kind) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Map<String, Object> m = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LAZY_QUERY_EXECUTION TRUE"); // stream the scans instead of materialising them
      }
      m.put("aggregateRowsInserted", switch (kind) {
        case CONTACT -> contactFallback(c);
        case AGENT_STATE -> List.of(agentStateFallback(c));
        case TICKET -> ticketFallback(c);
      });
      c.commit();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    m.put("seconds", round(wall));
    m.put("threadCpuPercentOfOneCore", round(100.0 * (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 / wall));
    return m;
  }

  private static final List<String> CONTACT_CHANNELS = List.of("VOICE", "CHAT", "EMAIL");
  private static final List<String> TICKET_TYPES = List.of("INQUIRY", "CONSULTATION", "BUSINESS_REQUEST", "COMPLAINT", "SUGGESTION", "FAULT_REPORT");
  private static final List<String> METRICS = List.of("FIRST_RESPONSE", "NEXT_UPDATE", "RESOLUTION");
  private static final long CST_OFFSET = 8 * 3600;

  private static List<Long> contactFallback(Connection c) throws SQLException {
    Map<Long, long[]> queues = new HashMap<>(); // id → {threshold, wrap-up}
    Map<Long, String> agentPath = new HashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT ID, SL_THRESHOLD_SECONDS, WRAP_UP_SECONDS FROM ACD_QUEUE")) {
        while (r.next()) {
          queues.put(r.getLong(1), new long[] {r.getLong(2), r.getLong(3)});
        }
      }
      try (ResultSet r = s.executeQuery("SELECT s.ID, b.PATH FROM STAFF s JOIN BRANCH b ON b.ID = s.BRANCH_ID")) {
        while (r.next()) {
          agentPath.put(r.getLong(1), r.getString(2));
        }
      }
    }
    // OFFERED, ANSWERED, ANSWERED_WITHIN, ABANDONED, ABANDONED_WITHIN, TRANSFERRED, ANSWER_WAIT, ABANDON_WAIT, MAX_WAIT, TALK, WRAP
    Map<Long, long[]> interval = new HashMap<>();
    Map<Long, long[]> agent = new HashMap<>(); // HANDLED, TALK
    try (Statement s = c.createStatement()) {
      s.setFetchSize(5_000);
      try (ResultSet r = s.executeQuery("SELECT QUEUE_ID, CHANNEL, STATE, ARRIVED_AT, ANSWERED_AT, ENDED_AT, AGENT_ID FROM ACD_INTERACTION")) {
        while (r.next()) {
          String state = r.getString(3);
          OffsetDateTime answered = r.getObject(5, OffsetDateTime.class);
          OffsetDateTime ended = r.getObject(6, OffsetDateTime.class);
          boolean abandoned = state.equals("ABANDONED");
          if (ended == null || (!abandoned && answered == null) || !(abandoned || state.equals("ENDED") || state.equals("TRANSFERRED"))) {
            continue;
          }
          long queue = r.getLong(1);
          long[] q = queues.get(queue);
          long outcome = (abandoned ? ended : answered).toEpochSecond();
          long wait = Math.max(0, outcome - r.getObject(4, OffsetDateTime.class).toEpochSecond());
          long iv = Math.floorDiv(outcome, 1800);
          long[] v = interval.computeIfAbsent((queue << 40) | ((long) CONTACT_CHANNELS.indexOf(r.getString(2)) << 32) | iv, k -> new long[11]);
          v[0]++;
          v[8] = Math.max(v[8], wait);
          if (abandoned) {
            v[3]++;
            v[4] += wait <= q[0] ? 1 : 0;
            v[7] += wait;
            continue;
          }
          long talk = Math.max(0, ended.toEpochSecond() - answered.toEpochSecond());
          v[1]++;
          v[2] += wait <= q[0] ? 1 : 0;
          v[5] += state.equals("TRANSFERRED") ? 1 : 0;
          v[6] += wait;
          v[9] += talk;
          v[10] += q[1];
          long staff = r.getLong(7);
          if (!r.wasNull() && fallbackAgentContacts) {
            long[] a = agent.computeIfAbsent((staff << 32) | iv, k -> new long[2]);
            a[0]++;
            a[1] += talk;
          }
        }
      }
    }
    long n1 = insert(c, "INSERT INTO ACD_INTERVAL_STAT (QUEUE_ID, CHANNEL, INTERVAL_START, OFFERED, ANSWERED, ANSWERED_WITHIN, ABANDONED, ABANDONED_WITHIN,"
        + " TRANSFERRED, ANSWER_WAIT_SECONDS, ABANDON_WAIT_SECONDS, MAX_WAIT_SECONDS, TALK_SECONDS, WRAP_SECONDS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        interval, (p, k, v) -> {
          p.setLong(1, k >>> 40);
          p.setString(2, CONTACT_CHANNELS.get((int) ((k >>> 32) & 0xff)));
          p.setObject(3, Instant.ofEpochSecond((k & 0xffffffffL) * 1800).atOffset(ZoneOffset.UTC));
          for (int i = 0; i < 11; i++) {
            p.setLong(4 + i, v[i]);
          }
        });
    long n2 = insert(c, "INSERT INTO ACD_AGENT_CONTACT_STAT (STAFF_ID, INTERVAL_START, BRANCH_PATH, HANDLED, TALK_SECONDS) VALUES (?, ?, ?, ?, ?)",
        agent, (p, k, v) -> {
          p.setLong(1, k >>> 32);
          p.setObject(2, Instant.ofEpochSecond((k & 0xffffffffL) * 1800).atOffset(ZoneOffset.UTC));
          p.setString(3, agentPath.getOrDefault(k >>> 32, "/1/"));
          p.setLong(4, v[0]);
          p.setLong(5, v[1]);
        });
    return List.of(n1, n2);
  }

  /** TICKET_DAILY_STAT (LOGGED on the day of creation; CLOSED, first-contact, close seconds on the day of closing) and SLA_DAILY_STAT. */
  private static List<Long> ticketFallback(Connection c) throws SQLException {
    Map<Long, String> paths = new HashMap<>();
    Map<Long, long[]> daily = new HashMap<>(); // LOGGED, CLOSED, CLOSED_FIRST_CONTACT, REOPENED, CLOSE_SECONDS
    int maxId;
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(ID), 0) FROM TICKET")) {
      r.next();
      maxId = (int) Math.min(Integer.MAX_VALUE - 8, r.getLong(1));
    }
    int[] branchOf = new int[maxId + 1];
    int[] categoryOf = new int[maxId + 1];
    try (Statement s = c.createStatement()) {
      s.setFetchSize(5_000);
      try (ResultSet r = s.executeQuery(
          "SELECT ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH, CATEGORY_ID, TICKET_TYPE, CHANNEL, STATUS, CREATED_AT, CLOSED_AT, DISPATCHED_AT FROM TICKET")) {
        while (r.next()) {
          long branch = r.getLong(2);
          long category = r.getLong(4);
          int id = (int) r.getLong(1);
          branchOf[id] = (int) branch;
          categoryOf[id] = (int) category;
          paths.putIfAbsent(branch, r.getString(3));
          long rest = (category * 8 + TICKET_TYPES.indexOf(r.getString(5))) * 8 + List.of(TICKET_CHANNELS).indexOf(r.getString(6));
          long created = r.getObject(8, OffsetDateTime.class).toEpochSecond();
          daily.computeIfAbsent(dayKey(branch, created, rest), k -> new long[5])[0]++;
          OffsetDateTime closed = r.getObject(9, OffsetDateTime.class);
          if ("CLOSED".equals(r.getString(7)) && closed != null) {
            long[] v = daily.computeIfAbsent(dayKey(branch, closed.toEpochSecond(), rest), k -> new long[5]);
            v[1]++;
            v[2] += r.getObject(10) == null ? 1 : 0;
            v[4] += Math.max(0, closed.toEpochSecond() - created);
          }
        }
      }
    }
    long n1 = insert(c, "INSERT INTO TICKET_DAILY_STAT (BRANCH_ID, STAT_DAY, CATEGORY_ID, TICKET_TYPE, CHANNEL, BRANCH_PATH, LOGGED, CLOSED,"
        + " CLOSED_FIRST_CONTACT, REOPENED, CLOSE_SECONDS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", daily, (p, k, v) -> {
          long rest = k % 1_000_000;
          long branch = k / 1_000_000 / 100_000;
          p.setLong(1, branch);
          p.setObject(2, LocalDate.ofEpochDay(k / 1_000_000 % 100_000));
          p.setLong(3, rest / 64);
          p.setString(4, TICKET_TYPES.get((int) (rest / 8 % 8)));
          p.setString(5, TICKET_CHANNELS[(int) (rest % 8)]);
          p.setString(6, paths.get(branch));
          for (int i = 0; i < 5; i++) {
            p.setLong(7 + i, v[i]);
          }
        });
    Map<Long, long[]> sla = new HashMap<>(); // MET, BREACHED
    try (Statement s = c.createStatement()) {
      s.setFetchSize(5_000);
      try (ResultSet r = s.executeQuery("SELECT TICKET_ID, METRIC, STATE, MET_AT, BREACHED_AT FROM SLA_CLOCK WHERE STATE IN ('MET', 'BREACHED')")) {
        while (r.next()) {
          int ticket = (int) r.getLong(1);
          boolean met = r.getString(3).equals("MET");
          OffsetDateTime at = r.getObject(met ? 4 : 5, OffsetDateTime.class);
          long rest = (long) categoryOf[ticket] * 8 + METRICS.indexOf(r.getString(2));
          sla.computeIfAbsent(dayKey(branchOf[ticket], at.toEpochSecond(), rest), k -> new long[2])[met ? 0 : 1]++;
        }
      }
    }
    long n2 = insert(c, "INSERT INTO SLA_DAILY_STAT (BRANCH_ID, STAT_DAY, CATEGORY_ID, METRIC, BRANCH_PATH, MET, BREACHED) VALUES (?, ?, ?, ?, ?, ?, ?)",
        sla, (p, k, v) -> {
          long rest = k % 1_000_000;
          long branch = k / 1_000_000 / 100_000;
          p.setLong(1, branch);
          p.setObject(2, LocalDate.ofEpochDay(k / 1_000_000 % 100_000));
          p.setLong(3, rest / 8);
          p.setString(4, METRICS.get((int) (rest % 8)));
          p.setString(5, paths.get(branch));
          p.setLong(6, v[0]);
          p.setLong(7, v[1]);
        });
    return List.of(n1, n2);
  }

  /** branch, China Standard Time day of {@code epochSecond} (no daylight saving since 1991) and the rest of the key, packed. */
  private static long dayKey(long branch, long epochSecond, long rest) {
    return (branch * 100_000 + Math.floorDiv(epochSecond + CST_OFFSET, 86_400)) * 1_000_000 + rest;
  }

  interface RowBinder {
    void bind(PreparedStatement p, long key, long[] values) throws SQLException;
  }

  private static long insert(Connection c, String sql, Map<Long, long[]> rows, RowBinder binder) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int n = 0;
      for (Map.Entry<Long, long[]> e : rows.entrySet()) {
        binder.bind(p, e.getKey(), e.getValue());
        p.addBatch();
        if (++n % FLUSH_ROWS == 0) {
          p.executeBatch();
          c.commit();
        }
      }
      p.executeBatch();
      c.commit();
    }
    return rows.size();
  }

  private static long agentStateFallback(Connection c) throws SQLException {
    Map<List<Object>, long[]> sums = new HashMap<>();
    Map<List<Object>, String> paths = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT l.STAFF_ID, l.BRANCH_PATH, l.STATE, COALESCE(l.REASON_CODE, '-'), l.STARTED_AT, l.ENDED_AT FROM ACD_AGENT_STATE_LOG l"
            + " WHERE l.ENDED_AT IS NOT NULL AND l.STATE <> 'LOGGED_OUT'")) {
      while (r.next()) {
        long from = r.getObject(5, OffsetDateTime.class).toInstant().toEpochMilli();
        long to = r.getObject(6, OffsetDateTime.class).toInstant().toEpochMilli();
        for (long start = from; start < to; ) {
          long interval = Math.floorDiv(start, 1_800_000L) * 1_800_000L;
          long stop = Math.min(to, interval + 1_800_000L);
          List<Object> key = List.of(r.getLong(1), interval, r.getString(3), r.getString(4));
          sums.computeIfAbsent(key, k -> new long[1])[0] += stop - start;
          paths.putIfAbsent(key, r.getString(2));
          start = stop;
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO ACD_AGENT_INTERVAL_STAT (STAFF_ID, INTERVAL_START, STATE, REASON_CODE, BRANCH_PATH, MILLIS) VALUES (?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (Map.Entry<List<Object>, long[]> e : sums.entrySet()) {
        List<Object> k = e.getKey();
        p.setLong(1, (Long) k.get(0));
        p.setObject(2, Instant.ofEpochMilli((Long) k.get(1)).atOffset(ZoneOffset.UTC));
        p.setString(3, (String) k.get(2));
        p.setString(4, (String) k.get(3));
        p.setString(5, paths.get(k));
        p.setLong(6, e.getValue()[0]);
        p.addBatch();
        if (++n % FLUSH_ROWS == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
    return sums.size();
  }

  /** The aggregates against the raw rows: each must hold every final event exactly once. */
  private static Map<String, Object> guards(String url) throws SQLException {
    Map<String, Object> g = new LinkedHashMap<>();
    guard(url, g, "offeredEqualsFinalContacts", "SELECT COALESCE(SUM(OFFERED), 0) FROM ACD_INTERVAL_STAT",
        "SELECT COUNT(*) FROM ACD_INTERACTION WHERE ENDED_AT IS NOT NULL AND (STATE = 'ABANDONED' OR (STATE IN ('ENDED', 'TRANSFERRED') AND ANSWERED_AT IS NOT NULL))");
    guard(url, g, "handledEqualsAnsweredContacts", "SELECT COALESCE(SUM(HANDLED), 0) FROM ACD_AGENT_CONTACT_STAT",
        "SELECT COUNT(*) FROM ACD_INTERACTION WHERE ENDED_AT IS NOT NULL AND STATE IN ('ENDED', 'TRANSFERRED') AND ANSWERED_AT IS NOT NULL AND AGENT_ID IS NOT NULL");
    guard(url, g, "loggedEqualsTickets", "SELECT COALESCE(SUM(LOGGED), 0) FROM TICKET_DAILY_STAT", "SELECT COUNT(*) FROM TICKET");
    guard(url, g, "closedEqualsClosedTickets", "SELECT COALESCE(SUM(CLOSED), 0) FROM TICKET_DAILY_STAT", "SELECT COUNT(*) FROM TICKET WHERE STATUS = 'CLOSED'");
    guard(url, g, "slaOutcomesEqualEndedClocks", "SELECT COALESCE(SUM(MET + BREACHED), 0) FROM SLA_DAILY_STAT",
        "SELECT COUNT(*) FROM SLA_CLOCK WHERE STATE IN ('MET', 'BREACHED')");
    guard(url, g, "agentMillisEqualLoggedPeriods", "SELECT COALESCE(SUM(MILLIS), 0) FROM ACD_AGENT_INTERVAL_STAT",
        "SELECT COALESCE(SUM(DATEDIFF(MILLISECOND, STARTED_AT, ENDED_AT)), 0) FROM ACD_AGENT_STATE_LOG WHERE ENDED_AT IS NOT NULL AND STATE <> 'LOGGED_OUT'");
    return g;
  }

  private static void guard(String url, Map<String, Object> g, String name, String aggregate, String raw) throws SQLException {
    long a = count(url, aggregate);
    long r = count(url, raw);
    g.put(name, Map.of("aggregate", a, "raw", r, "ok", a == r));
    System.err.println("guard " + name + ": aggregate " + a + ", raw " + r + (a == r ? " OK" : " MISMATCH"));
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  // ----------------------------------------------------------------------------------------------------- reports --

  private static List<Map<String, Object>> reports(Path dir, Dataset ds, int runs, LoadSampler load) throws Exception {
    String url = url(dir, "work");
    try (Connection keeper = DriverManager.getConnection(url, "sa", "")) { // the database stays open, as in the server
      return reports(dir, url, ds, runs, load);
    }
  }

  private static List<Map<String, Object>> reports(Path dir, String url, Dataset ds, int runs, LoadSampler load) throws Exception {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String className : SOURCES) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", className.substring(PKG.length()));
      out.add(m);
      Bound<ReportSource> bound = bind(className, ReportSource.class);
      if (bound.instance() == null) {
        m.put("skipped", bound.problem());
        System.err.println("report " + className + ": skipped, " + bound.problem());
        continue;
      }
      ReportSource source = bound.instance();
      m.put("code", source.code());
      m.put("unsatisfiedInjections", bound.unsatisfied());
      if (!ReportRenderer.hasTemplate(source.code())) {
        m.put("skipped", "no compiled template reports/" + source.code() + ".jasper on the class path");
        continue;
      }
      boolean daily = source.code().equals(DAILY_CODE);
      LocalDate from = daily ? ds.busyDay : ds.month.atDay(1);
      LocalDate to = daily ? ds.busyDay : ds.month.atEndOfMonth();
      RunParameters parameters = runParameters(from, to);
      m.put("period", from + ".." + to);
      m.put("scope", "/1/ (HQ)");
      List<Map<String, Object>> timings = new ArrayList<>();
      m.put("runs", timings);
      for (int run = 1; run <= runs; run++) {
        try {
          timings.add(time(dir, url, source, parameters, run, load));
        } catch (Exception | LinkageError e) { // one source's failure is a result, not the end of the bench
          m.put("failed", e.toString() + (e.getCause() != null ? " / " + e.getCause() : ""));
          System.err.println("report " + source.code() + " failed: " + m.get("failed"));
          break;
        }
      }
    }
    return out;
  }

  private static Map<String, Object> time(Path dir, String url, ReportSource source, RunParameters parameters, int run, LoadSampler load)
      throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    load.mark();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("run", run == 1 ? "cold" : "warm");
    HeapSampler heap = HeapSampler.start(memory);
    long peak;
    long cpu0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    byte[] pdf;
    long queryNanos;
    CountingDataSource rows;
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      Instant dataAsOf = Instant.now();
      Map<String, Object> params = source.parameters(c, parameters, "/1/", dataAsOf, "hq1");
      long q0 = System.nanoTime();
      try (PreparedStatement statement = source.prepare(c, parameters, "/1/", dataAsOf); ResultSet rs = statement.executeQuery()) {
        queryNanos = System.nanoTime() - q0;
        rows = new CountingDataSource(data(source, rs, parameters));
        pdf = ReportRenderer.render(source.code(), params, rows, Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF);
      }
    } finally {
      peak = heap.stop();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    Files.write(dir.resolve("out").resolve(source.code() + "-" + run + ".pdf"), pdf);
    t.put("seconds", round(wall));
    t.put("queryExecuteSeconds", round(queryNanos / 1e9));
    t.put("fillAndExportSeconds", round(wall - queryNanos / 1e9));
    t.put("rows", rows.count);
    t.put("pdfBytes", pdf.length);
    t.put("threadCpuSeconds", round((mx.getCurrentThreadCpuTime() - cpu0) / 1e9));
    t.put("heapBeforeMB", baseline >> 20);
    t.put("peakHeapUsedMB", peak >> 20);
    t.put("peakHeapAfterGcMB", heap.peakAfterGc.get() >> 20);
    t.put("collections", heap.collections.get());
    t.put("loadAverage", load.since());
    System.err.println("report " + source.code() + " " + toJson(t));
    return t;
  }


  /**
   * The template's data as the run worker builds it: {@code source.data(rows, parameters)} where the interface has that
   * method (a source may derive figures in Java), else the result set itself.
   */
  private static JRDataSource data(ReportSource source, ResultSet rs, RunParameters parameters) throws ReflectiveOperationException {
    try {
      java.lang.reflect.Method data = source.getClass().getMethod("data", ResultSet.class, RunParameters.class);
      return (JRDataSource) data.invoke(source, rs, parameters);
    } catch (NoSuchMethodException e) {
      return new JRResultSetDataSource(rs);
    }
  }

  /** RunParameters by its record components (from, to, branchId, locale; any component added later gets null). */
  private static RunParameters runParameters(LocalDate from, LocalDate to) throws ReflectiveOperationException {
    Class<RunParameters> type = RunParameters.class;
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = switch (components[i].getName()) {
        case "from" -> from;
        case "to" -> to;
        case "locale" -> "zh_CN";
        default -> types[i].isPrimitive() ? (types[i] == boolean.class ? false : 0) : null;
      };
    }
    Constructor<RunParameters> canonical = type.getDeclaredConstructor(types);
    return canonical.newInstance(values);
  }

  /** Counts the rows the template consumed. */
  static final class CountingDataSource implements JRDataSource {
    private final JRDataSource inner;
    long count;

    CountingDataSource(JRDataSource inner) {
      this.inner = inner;
    }

    @Override
    public boolean next() throws JRException {
      boolean more = inner.next();
      count += more ? 1 : 0;
      return more;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
      return inner.getFieldValue(field);
    }
  }

  // -------------------------------------------------------------------------------------------------- run-time binding --

  record Bound<T>(T instance, String problem, List<String> unsatisfied) {
    String className() {
      return instance == null ? problem : instance.getClass().getName();
    }
  }

  /**
   * An instance of {@code className} made with its no-argument constructor, or the reason there is none. Fields the
   * container would inject ({@code @Inject}, {@code @EJB}, {@code @Resource}, {@code @PersistenceContext}) are filled
   * with a new instance of their type where that type is a concrete class with a no-argument constructor; the others
   * are listed as unsatisfied (a run that needs them fails and says so).
   */
  static <T> Bound<T> bind(String className, Class<T> type) {
    try {
      Class<?> k = Class.forName(className);
      if (!type.isAssignableFrom(k)) {
        return new Bound<>(null, className + " is not a " + type.getSimpleName(), List.of());
      }
      List<String> unsatisfied = new ArrayList<>();
      Object instance = construct(k, unsatisfied, 0);
      return new Bound<>(type.cast(instance), null, unsatisfied);
    } catch (ClassNotFoundException e) {
      return new Bound<>(null, className + " is not on the class path", List.of());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return new Bound<>(null, className + " could not be made: " + e, List.of());
    }
  }

  private static Object construct(Class<?> k, List<String> unsatisfied, int depth) throws ReflectiveOperationException {
    Constructor<?> ctor = k.getDeclaredConstructor();
    ctor.setAccessible(true);
    Object instance = ctor.newInstance();
    for (Class<?> c = k; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || !injected(f)) {
          continue;
        }
        f.setAccessible(true);
        if (f.get(instance) != null) {
          continue;
        }
        Class<?> ft = f.getType();
        if (depth < 3 && !ft.isInterface() && !Modifier.isAbstract(ft.getModifiers()) && !ft.isPrimitive()) {
          try {
            f.set(instance, construct(ft, unsatisfied, depth + 1));
            continue;
          } catch (ReflectiveOperationException | RuntimeException e) {
            // falls through: listed below
          }
        }
        unsatisfied.add(k.getSimpleName() + "." + f.getName() + " : " + ft.getName());
      }
    }
    return instance;
  }

  private static boolean injected(Field f) {
    for (Annotation a : f.getDeclaredAnnotations()) {
      String n = a.annotationType().getSimpleName();
      if (n.equals("Inject") || n.equals("EJB") || n.equals("Resource") || n.equals("PersistenceContext")) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------------ samplers --

  /** The highest heap use seen, sampled every 10 ms on a daemon thread (what a fixed -Xmx must hold). */
  static final class HeapSampler {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong peak = new AtomicLong();
    final AtomicLong peakAfterGc = new AtomicLong();
    final AtomicLong collections = new AtomicLong();
    private final List<Runnable> unregister = new ArrayList<>();
    private Thread thread;

    static HeapSampler start(MemoryMXBean memory) {
      HeapSampler s = new HeapSampler();
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter emitter) {
          javax.management.NotificationListener listener = (n, hb) -> {
            if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
              com.sun.management.GarbageCollectionNotificationInfo info =
                  com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
              long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                  .filter(e -> !e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Class"))
                  .mapToLong(e -> e.getValue().getUsed()).sum();
              s.peakAfterGc.accumulateAndGet(used, Math::max);
              s.collections.incrementAndGet();
            }
          };
          emitter.addNotificationListener(listener, null, null);
          s.unregister.add(() -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
              // already gone
            }
          });
        }
      }
      s.thread = every(10, "heap-sampler", () -> s.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), s.stop);
      return s;
    }

    long stop() throws InterruptedException {
      stop.set(true);
      thread.join();
      unregister.forEach(Runnable::run);
      return peak.get();
    }
  }

  /** A daemon thread that runs {@code body} every {@code millis} until {@code stop} is set or it is interrupted. */
  static Thread every(long millis, String name, Runnable body, AtomicBoolean stop) {
    Thread t = new Thread(() -> {
      while (!stop.get()) {
        body.run();
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The machine's 1-minute load average from /proc/loadavg every 5 s: min / mean / max since the last mark. */
  static final class LoadSampler {
    private final List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
    private volatile long markedAt = System.currentTimeMillis();
    private Thread thread;

    static LoadSampler start() {
      LoadSampler s = new LoadSampler();
      s.thread = every(5_000, "load-sampler", s::sample, new AtomicBoolean());
      return s;
    }

    private void sample() {
      try {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        samples.add(new double[] {System.currentTimeMillis(), Double.parseDouble(f[0])});
      } catch (java.io.IOException | RuntimeException e) {
        // no /proc: no load figures
      }
    }

    void mark() {
      sample();
      markedAt = System.currentTimeMillis();
    }

    Map<String, Object> since() {
      sample();
      double min = Double.MAX_VALUE;
      double max = 0;
      double sum = 0;
      int n = 0;
      synchronized (samples) {
        for (double[] s : samples) {
          if (s[0] >= markedAt - 1) {
            min = Math.min(min, s[1]);
            max = Math.max(max, s[1]);
            sum += s[1];
            n++;
          }
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      if (n > 0) {
        m.put("min", min);
        m.put("mean", round(sum / n));
        m.put("max", max);
        m.put("samples", n);
      }
      return m;
    }

    void stop() {
      thread.interrupt();
    }
  }

  // --------------------------------------------------------------------------------------------------------- output --

  private static double seconds(long nanos0) {
    return round((System.nanoTime() - nanos0) / 1e9);
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  static String toJson(Object o) {
    if (o instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(toJson(v)));
      return b.append('}').toString();
    }
    if (o instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      l.forEach(v -> b.append(b.length() > 1 ? "," : "").append(toJson(v)));
      return b.append(']').toString();
    }
    if (o == null) {
      return "null";
    }
    return o instanceof Number || o instanceof Boolean ? o.toString() : "\"" + o.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
