package org.centralis.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.SlaClock;
import org.centralis.sla.domain.SlaFiring;
import org.centralis.sla.domain.SlaMetric;

/**
 * The SLA sweep at scale, without the application server: N open clocks in an H2 file database
 * (Oracle mode, the H2 version the server runs), swept by the application's algorithm — the due
 * query on IX_SLA_CLOCK_NEXT_DUE, then per clock a transaction that reads the row, advances it with
 * the real {@link SlaClock#fireDue} on a 7x24 calendar, writes it back with the version check and
 * inserts its SLA_EVENT rows — by several sweeper threads at once, standing for several nodes.
 * Due instants are spread uniformly over the next {@code --spread-hours}; each clock has two
 * warnings, a breach and a two-level escalation chain.
 *
 * <p>Not measured here: EclipseLink, the JMS send, inbox rows and the audit chain of each step.
 *
 * <pre>
 *   mvn -q -o -pl bench -am install -DskipTests
 *   mvn -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp
 *   java -cp bench/target/centralis-bench.jar:$(cat /tmp/bench.cp) org.centralis.bench.SlaSweepBench \
 *       --clocks 1000000 --seconds 120 --sweepers 2 [--shuffle true] [--spread-hours 24] [--recompute-after 20] --dir /tmp/sla-bench
 * </pre>
 */
public final class SlaSweepBench {

  private static final long TARGET = 8 * 3600;
  private static final String COLUMNS =
      "TICKET_ID, STARTED_AT, PAUSED_SECONDS, DUE_AT, STATE, WARNINGS_FIRED, ESCALATION_LEVEL, NEXT_DUE_AT, VERSION, CYCLE, BREACHED_AT, TARGET_SECONDS";
  private static final String PERCENTS = "75,90";
  private static final List<Long> CHAIN = List.of(0L, 3600L);
  private static final BusinessCalendar CAL = BusinessCalendar.in("Asia/Shanghai").hours(java.util.EnumSet.allOf(java.time.DayOfWeek.class), "00:00-24:00").build();

  /** Each sweeper works its due list in its own random order (fewer collisions between nodes). */
  private static boolean shuffle;

  /** While a policy change is recomputed, the sweepers' lags are also kept apart. */
  private static volatile boolean recomputing;

  private static final ConcurrentLinkedQueue<Long> LAGS_DURING_RECOMPUTE = new ConcurrentLinkedQueue<>();

  private SlaSweepBench() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    int clocks = Integer.parseInt(a.getOrDefault("clocks", "1000000"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "120"));
    int sweepers = Integer.parseInt(a.getOrDefault("sweepers", "2"));
    int batch = Integer.parseInt(a.getOrDefault("batch", "500"));
    shuffle = Boolean.parseBoolean(a.getOrDefault("shuffle", "false"));
    double spreadHours = Double.parseDouble(a.getOrDefault("spread-hours", "24"));
    // A policy change at this second of the window: every open clock retargeted from 8 to 9 working hours, in
    // batches of `batch` clocks walked by id, each batch one transaction (as ClockRecompute), while the sweepers run.
    int recomputeAfter = Integer.parseInt(a.getOrDefault("recompute-after", "-1"));
    Path dir = Path.of(a.getOrDefault("dir", "/tmp/sla-bench"));
    if (seconds > 3600 || clocks > 5_000_000) {
      throw new IllegalArgumentException("bounded: at most 3600 s and 5,000,000 clocks");
    }
    deleteTree(dir);
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.resolve("sla") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clocks", clocks);
    out.put("sweepers", sweepers);
    out.put("batch", batch);
    out.put("shuffle", shuffle);
    out.put("spreadHours", spreadHours);
    out.put("recomputeAfter", recomputeAfter);

    // The clocks' time line starts at `origin`, after the load is expected to end, so that the
    // measured window starts at steady state instead of with the backlog of the load's duration.
    long budget = Long.parseLong(a.getOrDefault("load-budget-seconds", Long.toString(Math.max(30, clocks / 2_500))));
    Instant origin = Instant.now().plusSeconds(budget).truncatedTo(ChronoUnit.SECONDS);
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      schema(c);
      long t0 = System.nanoTime();
      long stepsInWindow = load(c, clocks, spreadHours, seconds, origin);
      out.put("loadSeconds", round((System.nanoTime() - t0) / 1e9));
      out.put("stepsDueInWindow", stepsInWindow);
    }
    long backlogSeconds = Math.max(0, Instant.now().getEpochSecond() - origin.getEpochSecond());
    out.put("backlogSecondsAtStart", backlogSeconds);
    System.err.println("loaded; sweeping from " + origin + " (backlog " + backlogSeconds + " s)");
    while (Instant.now().isBefore(origin)) {
      Thread.sleep(200);
    }

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> queryMicros = new ConcurrentLinkedQueue<>();
    AtomicLong fired = new AtomicLong();
    AtomicLong lost = new AtomicLong();
    AtomicLong threadCpu = new AtomicLong();
    long stopAt = System.currentTimeMillis() + seconds * 1000L;
    long processCpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    List<Thread> running = new ArrayList<>();
    for (int s = 0; s < sweepers; s++) {
      Thread t = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
          c.setAutoCommit(false);
          long cpu0 = threads.getCurrentThreadCpuTime();
          long nextTick = System.currentTimeMillis();
          while (System.currentTimeMillis() < stopAt) {
            sweep(c, batch, lags, queryMicros, fired, lost);
            nextTick += 1000;
            long sleep = nextTick - System.currentTimeMillis();
            if (sleep > 0) {
              Thread.sleep(Math.min(sleep, stopAt - System.currentTimeMillis() + 1));
            }
          }
          threadCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpu0);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "sweeper-" + s);
      t.start();
      running.add(t);
    }
    Map<String, Object> recompute = new LinkedHashMap<>();
    if (recomputeAfter >= 0) {
      Thread r = new Thread(() -> {
        try {
          Thread.sleep(recomputeAfter * 1000L);
          recompute(url, batch, recompute);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "recompute");
      r.start();
      running.add(r);
    }
    for (Thread t : running) {
      t.join();
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    out.put("seconds", round(wall));
    out.put("catchUpStepsPerSecond", round(fired.get() / wall));
    out.put("stepsFired", fired.get());
    out.put("lostClaims", lost.get());
    out.put("sweeperCpuPercentOfOneCore", round(100.0 * threadCpu.get() / 1e9 / wall));
    out.put("processCpuPercentOfOneCore", round(100.0 * (os.getProcessCpuTime() - processCpu0) / 1e9 / wall));
    out.put("lagMs", percentiles(lags));
    out.put("dueQueryMicros", percentiles(queryMicros));
    if (recomputeAfter >= 0) {
      recompute.put("sweepLagMsMeanwhile", percentiles(LAGS_DURING_RECOMPUTE));
      out.put("recompute", recompute);
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement();
        ResultSet dup = st.executeQuery("SELECT COUNT(*) FROM (SELECT CLOCK_ID, KIND, SEQ FROM SLA_EVENT GROUP BY CLOCK_ID, KIND, SEQ HAVING COUNT(*) > 1)")) {
      dup.next();
      out.put("duplicateSteps", dup.getLong(1));
    }
    System.out.println(toJson(out));
  }

  private static void sweep(
      Connection c, int batch, ConcurrentLinkedQueue<Long> lags, ConcurrentLinkedQueue<Long> queryMicros, AtomicLong fired, AtomicLong lost)
      throws Exception {
    while (true) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      List<Long> due = new ArrayList<>();
      long q0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM SLA_CLOCK WHERE NEXT_DUE_AT <= ? ORDER BY NEXT_DUE_AT FETCH FIRST ? ROWS ONLY")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setInt(2, batch);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(rs.getLong(1));
          }
        }
      }
      c.commit();
      queryMicros.add((System.nanoTime() - q0) / 1000);
      if (shuffle) {
        Collections.shuffle(due);
      }
      for (long id : due) {
        try {
          int n = fire(c, id, now, lags);
          if (n > 0) {
            c.commit();
            fired.addAndGet(n);
          } else {
            c.rollback();
          }
        } catch (SQLException e) {
          c.rollback();
          lost.incrementAndGet();
        }
      }
      if (due.size() < batch) {
        return;
      }
    }
  }

  /** As SlaSweep.fire: read, advance, version-checked write first, then the events. */
  private static int fire(Connection c, long id, Instant now, ConcurrentLinkedQueue<Long> lags) throws Exception {
    SlaClock clock;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM SLA_CLOCK WHERE ID = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getTimestamp(8) == null || rs.getTimestamp(8).toInstant().isAfter(now)) {
          return 0;
        }
        clock = hydrate(id, rs);
      }
    }
    int version = clock.getVersion();
    List<SlaFiring> steps = clock.fireDue(now, CAL, CHAIN);
    try (PreparedStatement up = c.prepareStatement(
        "UPDATE SLA_CLOCK SET STATE = ?, WARNINGS_FIRED = ?, ESCALATION_LEVEL = ?, BREACHED_AT = ?, NEXT_DUE_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?")) {
      up.setString(1, clock.getState().name());
      up.setInt(2, clock.getWarningsFired());
      up.setInt(3, clock.getEscalationLevel());
      up.setTimestamp(4, clock.getBreachedAt() == null ? null : Timestamp.from(clock.getBreachedAt()));
      up.setTimestamp(5, clock.getNextDueAt() == null ? null : Timestamp.from(clock.getNextDueAt()));
      up.setLong(6, id);
      up.setInt(7, version);
      if (up.executeUpdate() != 1) {
        throw new SQLException("claimed by another sweeper");
      }
    }
    Instant firedAt = Instant.now();
    try (PreparedStatement ins = c.prepareStatement(
        "INSERT INTO SLA_EVENT (ID, CLOCK_ID, CYCLE, KIND, SEQ, DUE_AT, FIRED_AT) VALUES (SLA_EVENT_SEQ.NEXTVAL, ?, ?, ?, ?, ?, ?)")) {
      for (SlaFiring f : steps) {
        ins.setLong(1, id);
        ins.setInt(2, clock.getCycle());
        ins.setString(3, f.kind().name());
        ins.setInt(4, f.seq());
        ins.setTimestamp(5, Timestamp.from(f.dueAt()));
        ins.setTimestamp(6, Timestamp.from(firedAt));
        ins.addBatch();
        long lag = Math.max(0, firedAt.toEpochMilli() - f.dueAt().toEpochMilli());
        lags.add(lag);
        if (recomputing) {
          LAGS_DURING_RECOMPUTE.add(lag);
        }
      }
      ins.executeBatch();
    }
    return steps.size();
  }

  /**
   * As ClockRecompute.policyBatch over JDBC: open clocks by id, {@code batch} at a time, each retargeted with the real
   * {@link SlaClock#retarget} and written back with the version check, one transaction per batch; a batch that meets a
   * clock the sweepers changed meanwhile is rolled back and tried again.
   */
  private static void recompute(String url, int batch, Map<String, Object> out) throws Exception {
    SlaClock.Terms relaxed = new SlaClock.Terms(1L, 1L, "7x24", TARGET + 3600, PERCENTS);
    ConcurrentLinkedQueue<Long> batchMillis = new ConcurrentLinkedQueue<>();
    long changed = 0;
    long retries = 0;
    long after = 0;
    recomputing = true;
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.setAutoCommit(false);
      while (true) {
        long b0 = System.nanoTime();
        List<SlaClock> page = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT " + COLUMNS + ", ID FROM SLA_CLOCK WHERE ID > ? AND STATE IN ('RUNNING', 'BREACHED') ORDER BY ID FETCH FIRST ? ROWS ONLY")) {
          ps.setLong(1, after);
          ps.setInt(2, batch);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              page.add(hydrate(rs.getLong(13), rs));
            }
          }
        }
        try (PreparedStatement up = c.prepareStatement(
            "UPDATE SLA_CLOCK SET TARGET_SECONDS = ?, DUE_AT = ?, WARNINGS_FIRED = ?, NEXT_DUE_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?")) {
          for (SlaClock clock : page) {
            int version = clock.getVersion();
            clock.retarget(relaxed, CAL, CHAIN);
            up.setLong(1, clock.getTargetSeconds());
            up.setTimestamp(2, Timestamp.from(clock.getDueAt()));
            up.setInt(3, clock.getWarningsFired());
            up.setTimestamp(4, clock.getNextDueAt() == null ? null : Timestamp.from(clock.getNextDueAt()));
            up.setLong(5, clock.getId());
            up.setInt(6, version);
            up.addBatch();
          }
          int[] counts = up.executeBatch();
          if (java.util.Arrays.stream(counts).anyMatch(n -> n != 1)) {
            c.rollback(); // a sweeper fired one of these clocks meanwhile: read the batch again
            retries++;
            continue;
          }
        }
        c.commit();
        batchMillis.add((System.nanoTime() - b0) / 1_000_000);
        changed += page.size();
        if (page.size() < batch) {
          break;
        }
        after = page.get(page.size() - 1).getId();
      }
    } finally {
      recomputing = false;
    }
    out.put("clocksRecomputed", changed);
    out.put("seconds", round((System.nanoTime() - t0) / 1e9));
    out.put("clocksPerSecond", round(changed / ((System.nanoTime() - t0) / 1e9)));
    out.put("batchesRetried", retries);
    out.put("batchMs", percentiles(batchMillis));
  }

  /** A clock with the fields of the row, {@code COLUMNS} in that order (the bench reads rows by JDBC where the application uses JPA). */
  private static SlaClock hydrate(long id, ResultSet rs) throws Exception {
    SlaClock clock = SlaClock.start(rs.getLong(1), "T" + id, "/1/", SlaMetric.RESOLUTION, new SlaClock.Terms(1L, 1L, "7x24", rs.getLong(12), PERCENTS),
        rs.getTimestamp(2).toInstant(), CAL, CHAIN);
    set(clock, "id", id);
    set(clock, "pausedSeconds", rs.getLong(3));
    set(clock, "dueAt", rs.getTimestamp(4).toInstant());
    set(clock, "state", org.centralis.sla.domain.ClockState.valueOf(rs.getString(5)));
    set(clock, "warningsFired", rs.getInt(6));
    set(clock, "escalationLevel", rs.getInt(7));
    set(clock, "nextDueAt", rs.getTimestamp(8).toInstant());
    set(clock, "version", rs.getInt(9));
    set(clock, "cycle", rs.getInt(10));
    set(clock, "breachedAt", rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
    return clock;
  }

  private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
    Field f = SlaClock.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static void schema(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE SLA_EVENT_SEQ START WITH 1 INCREMENT BY 1 CACHE 1000");
      st.execute(
          "CREATE TABLE SLA_CLOCK (ID NUMBER(19) PRIMARY KEY, TICKET_ID NUMBER(19) NOT NULL, STATE VARCHAR2(12 CHAR) NOT NULL, CYCLE NUMBER(10) DEFAULT 1 NOT NULL,"
              + " STARTED_AT TIMESTAMP WITH TIME ZONE NOT NULL, PAUSED_SECONDS NUMBER(19) DEFAULT 0 NOT NULL, DUE_AT TIMESTAMP WITH TIME ZONE NOT NULL,"
              + " WARNINGS_FIRED NUMBER(3) DEFAULT 0 NOT NULL, ESCALATION_LEVEL NUMBER(3) DEFAULT 0 NOT NULL, BREACHED_AT TIMESTAMP WITH TIME ZONE,"
              + " NEXT_DUE_AT TIMESTAMP WITH TIME ZONE, VERSION NUMBER(10) DEFAULT 0 NOT NULL, TARGET_SECONDS NUMBER(19) DEFAULT " + TARGET + " NOT NULL)");
      st.execute(
          "CREATE TABLE SLA_EVENT (ID NUMBER(19) PRIMARY KEY, CLOCK_ID NUMBER(19) NOT NULL, CYCLE NUMBER(10) NOT NULL, KIND VARCHAR2(12 CHAR) NOT NULL,"
              + " SEQ NUMBER(3) NOT NULL, DUE_AT TIMESTAMP WITH TIME ZONE NOT NULL, FIRED_AT TIMESTAMP WITH TIME ZONE NOT NULL,"
              + " CONSTRAINT UK_SLA_EVENT_STEP UNIQUE (CLOCK_ID, CYCLE, KIND, SEQ))");
    }
  }

  /** Loads the clocks (index built afterwards, as a bulk load would); answers how many steps fall due within the run. */
  private static long load(Connection c, int clocks, double spreadHours, int seconds, Instant now) throws SQLException {
    c.setAutoCommit(false);
    SplittableRandom random = new SplittableRandom(42);
    Instant windowEnd = now.plusSeconds(seconds);
    long spread = (long) (spreadHours * 3600);
    long inWindow = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO SLA_CLOCK (ID, TICKET_ID, STATE, STARTED_AT, DUE_AT, WARNINGS_FIRED, NEXT_DUE_AT) VALUES (?, ?, 'RUNNING', ?, ?, ?, ?)")) {
      for (int i = 1; i <= clocks; i++) {
        long dueIn = 5 + random.nextLong(spread);
        Instant started = now.plusSeconds(dueIn - TARGET);
        SlaClock clock = SlaClock.start(i, "T" + i, "/1/", SlaMetric.RESOLUTION, new SlaClock.Terms(1L, 1L, "7x24", TARGET, PERCENTS), started, CAL, CHAIN);
        clock.fireDue(now.minusMillis(1), CAL, CHAIN); // warnings already past are already fired
        for (Instant w : clock.warningInstants(CAL)) {
          inWindow += w.isAfter(now) && !w.isAfter(windowEnd) ? 1 : 0;
        }
        inWindow += clock.getDueAt().isAfter(now) && !clock.getDueAt().isAfter(windowEnd) ? 2 : 0; // breach + level 1
        ps.setLong(1, i);
        ps.setLong(2, i);
        ps.setTimestamp(3, Timestamp.from(started));
        ps.setTimestamp(4, Timestamp.from(clock.getDueAt()));
        ps.setInt(5, clock.getWarningsFired());
        ps.setTimestamp(6, Timestamp.from(clock.getNextDueAt()));
        ps.addBatch();
        if (i % 10_000 == 0) {
          ps.executeBatch();
          c.commit();
        }
        if (i % 200_000 == 0) {
          System.err.println("loaded " + i);
        }
      }
      ps.executeBatch();
      c.commit();
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE INDEX IX_SLA_CLOCK_NEXT_DUE ON SLA_CLOCK (NEXT_DUE_AT)");
    }
    c.commit();
    return inWindow;
  }

  private static Map<String, Object> percentiles(ConcurrentLinkedQueue<Long> values) {
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("n", v.size());
    if (!v.isEmpty()) {
      p.put("p50", v.get(v.size() / 2));
      p.put("p99", v.get(Math.min(v.size() - 1, (int) (v.size() * 0.99))));
      p.put("max", v.get(v.size() - 1));
    }
    return p;
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  private static String toJson(Object o) {
    if (o instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(toJson(v)));
      return b.append('}').toString();
    }
    return o instanceof Number || o instanceof Boolean ? o.toString() : "\"" + o + "\"";
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
