package org.centralis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;

/**
 * What {@link TicketListBench} and {@link CustomerLookupBench} share: a fresh H2 file database built by the project's
 * own migrations, batched inserts that commit every {@value #COMMIT_ROWS} rows, and a timed closed loop of SQL calls
 * with latency percentiles. The embedded database runs in this JVM, as it runs inside Payara in the embedded setup.
 */
final class SqlBench {

  static final int COMMIT_ROWS = 10_000;

  private SqlBench() {}

  /**
   * The URL of {@code run.sh} (Oracle mode, NULLs last, every commit written at once, 10 s lock timeout) without
   * {@code AUTO_SERVER}, which only matters when a second process opens the file.
   */
  static String url(Path dir) {
    return ReportBench.url(dir, "db");
  }

  /**
   * The URL the load phases write with: {@link #url(Path)} without {@code WRITE_DELAY=0}. With every commit written at
   * once H2's background writer does not run and no space is reused: a million tickets in batches grew the file past 20
   * GB (docs/runtime.md); with H2's default delay it stays a few GB. Measuring uses {@link #measureUrl}.
   */
  static String loadUrl(Path dir) {
    return url(dir).replace(";WRITE_DELAY=0", "");
  }

  /**
   * The URL the measurements use: {@link #url(Path)} plus {@code OPTIMIZE_REUSE_RESULTS=FALSE}. H2 hands back the last
   * result of a statement again when its parameters are the same and no table changed since; the benches only read, so
   * a repeated draw (one of three statuses, one of 20 cities) would be answered from that cache, which a server whose
   * tables change every second rarely gets. And H2's page cache set to {@code cacheMb} (0 keeps H2's default, 16 MB,
   * which is what the server gets: neither run.sh nor the data source sets CACHE_SIZE).
   */
  static String measureUrl(Path dir, int cacheMb) {
    return url(dir) + ";OPTIMIZE_REUSE_RESULTS=FALSE" + (cacheMb > 0 ? ";CACHE_SIZE=" + cacheMb * 1024 : "");
  }

  /** Applies the migrations the database does not have yet, as a server start does after an upgrade. */
  static Map<String, Object> migrate(Path dir) {
    long t0 = System.nanoTime();
    int applied = Flyway.configure().dataSource(url(dir), "sa", "").locations("classpath:db/migration").load().migrate().migrationsExecuted;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("migrationsApplied", applied);
    m.put("migrateSeconds", seconds(t0));
    return m;
  }

  /**
   * {@code SHUTDOWN COMPACT}: a bulk load that commits every {@value #COMMIT_ROWS} rows leaves most of the file as old
   * page versions (1,000,000 tickets: 6.9 GB, 11 % live); a server's file grows over months with its background
   * compaction. Measuring on the compacted file (390 MB) is the closer picture; the caller must hold no connection.
   */
  static double compact(Path dir) throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url(dir), "sa", ""); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    return seconds(t0);
  }

  /**
   * Deletes the database files and runs the {@code V*.sql} of the sql module in version order (Flyway), all of them or
   * up to {@code target} (e.g. "24": the schema before this branch's V26, to measure the "before").
   */
  static double migrateFresh(Path dir, String target) throws Exception {
    Files.createDirectories(dir);
    for (String f : List.of("db.mv.db", "db.trace.db", "db.lock.db")) {
      Files.deleteIfExists(dir.resolve(f));
    }
    long t0 = System.nanoTime();
    var config = Flyway.configure().dataSource(url(dir), "sa", "").locations("classpath:db/migration");
    if (target != null) {
      config.target(target);
    }
    config.load().migrate();
    return seconds(t0);
  }

  static double seconds(long nanos0) {
    return Bench.round((System.nanoTime() - nanos0) / 1e9, 1);
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static long fileMB(Path dir) throws java.io.IOException {
    return Files.size(dir.resolve("db.mv.db")) >> 20;
  }

  /** Binds a statement's parameters. */
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /**
   * H2's plan with the rows it read ({@code EXPLAIN ANALYZE}), with the parameters bound as the application binds them:
   * H2 plans some conditions differently for a bound value than for a literal (a LIKE inside a derived table).
   */
  static String explainAnalyze(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
      binder.bind(ps);
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getString(1).replaceAll("\\s+", " ");
      }
    }
  }

  /**
   * Prepared INSERTs that flush together: when one holds {@value #COMMIT_ROWS} rows, every one runs its batch, in the
   * order they were added (parents first, so that foreign keys hold), and the group commits.
   */
  static final class Inserts implements AutoCloseable {
    private final Connection c;
    private final List<Insert> all = new ArrayList<>();

    Inserts(Connection c) {
      this.c = c;
    }

    Insert add(String sql) throws SQLException {
      Insert i = new Insert(c.prepareStatement(sql));
      all.add(i);
      return i;
    }

    void flush() throws SQLException {
      for (Insert i : all) {
        if (i.pending > 0) {
          i.ps.executeBatch();
          i.pending = 0;
        }
      }
      c.commit();
    }

    @Override
    public void close() throws SQLException {
      flush();
      for (Insert i : all) {
        i.ps.close();
      }
    }

    final class Insert {
      private final PreparedStatement ps;
      private int pending;
      long rows;

      private Insert(PreparedStatement ps) {
        this.ps = ps;
      }

      void row(Object... values) throws SQLException {
        for (int k = 0; k < values.length; k++) {
          ps.setObject(k + 1, values[k]);
        }
        ps.addBatch();
        rows++;
        if (++pending >= COMMIT_ROWS) {
          Inserts.this.flush();
        }
      }
    }
  }

  /** One measured call: given a connection and the thread's random source, runs the SQL and returns rows read. */
  interface Call {
    long run(Connection c, SplittableRandom r) throws SQLException;
  }

  /**
   * Runs {@code call} from {@code threads} threads in a closed loop: first {@code warmupSeconds} unrecorded (JIT, H2
   * caches, the OS page cache), then {@code seconds} recorded, each thread at most {@code maxCalls} recorded calls. Each
   * thread has its own connection (as a pooled data source gives each request one) and commits after every call (the
   * service's transaction ends there). Calls that start inside the window are counted, also when they end after it (the
   * window then runs long); no call starts after it.
   */
  static Map<String, Object> timed(String url, Call call, int threads, int warmupSeconds, int seconds, int maxCalls, long seed)
      throws Exception {
    List<long[]> perThread = new ArrayList<>();
    List<long[]> cpuPerThread = new ArrayList<>();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] rowsRead = new long[threads];
    int[] counts = new int[threads];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    long measureFrom = start + warmupSeconds * 1_000_000_000L;
    long measureTo = measureFrom + seconds * 1_000_000_000L;
    for (int t = 0; t < threads; t++) {
      long[] lat = new long[maxCalls];
      long[] cpu = new long[maxCalls];
      perThread.add(lat);
      cpuPerThread.add(cpu);
      int id = t;
      SplittableRandom r = new SplittableRandom(seed * 7919 + t);
      Thread w = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
          c.setAutoCommit(false);
          int n = 0;
          while (n < maxCalls && failure.get() == null) {
            long t0 = System.nanoTime();
            if (t0 >= measureTo) {
              break;
            }
            long c0 = mx.getCurrentThreadCpuTime();
            long rows = call.run(c, r);
            c.commit();
            long t1 = System.nanoTime();
            if (t0 >= measureFrom) { // counted when started in the window, however long it takes (slow calls stay visible)
              // the embedded database works in the calling thread: its CPU time is the call's cost without waiting
              // for a core, which on this shared machine is most of the wall time
              cpu[n] = mx.getCurrentThreadCpuTime() - c0;
              lat[n++] = t1 - t0;
              rowsRead[id] += rows;
            }
          }
          counts[id] = n;
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "sql-bench-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a measured call failed: " + failure.get(), failure.get());
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    long[] allCpu = new long[total];
    int k = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(perThread.get(t), 0, all, k, counts[t]);
      System.arraycopy(cpuPerThread.get(t), 0, allCpu, k, counts[t]);
      k += counts[t];
    }
    Arrays.sort(all);
    Arrays.sort(allCpu);
    double window = Math.max(seconds, (System.nanoTime() - measureFrom) / 1e9);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calls", total);
    m.put("callsPerSecond", Bench.round(total / window, 1));
    m.put("p50Ms", ms(Bench.percentile(all, 50)));
    m.put("p95Ms", ms(Bench.percentile(all, 95)));
    m.put("p99Ms", ms(Bench.percentile(all, 99)));
    m.put("maxMs", ms(total == 0 ? 0 : all[total - 1]));
    m.put("cpuP50Ms", ms(Bench.percentile(allCpu, 50)));
    m.put("cpuP95Ms", ms(Bench.percentile(allCpu, 95)));
    m.put("cpuP99Ms", ms(Bench.percentile(allCpu, 99)));
    m.put("rowsPerCall", total == 0 ? 0 : Bench.round((double) Arrays.stream(rowsRead).sum() / total, 1));
    return m;
  }

  /** One named kind of call: a scenario. */
  record Scenario(String name, String what, Call call) {}

  /**
   * Times each scenario in turn ({@link #timed}), with the machine's load average over its run; prints each result to
   * stderr as it comes (prefixed by the bench's name) and puts them in order under "scenarios" in {@code out}.
   */
  static void timeEach(Map<String, Object> out, String url, List<Scenario> scenarios, int threads, int warmupSeconds, int seconds,
      int maxCalls, long seed, ReportBench.LoadSampler load) throws Exception {
    out.put("threads", threads);
    out.put("seconds", seconds);
    List<Map<String, Object>> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      load.mark();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", s.name());
      m.put("what", s.what());
      m.putAll(timed(url, s.call(), threads, warmupSeconds, seconds, maxCalls, seed));
      m.put("loadAverage", load.since());
      System.err.println(out.get("bench") + " " + Bench.Json.write(m));
      results.add(m);
    }
    out.put("scenarios", results);
  }

  /** The tail of a bench's JSON: stops the load sampler, notes the end. */
  static Map<String, Object> finish(Map<String, Object> out, ReportBench.LoadSampler load) {
    load.stop();
    out.put("finishedAt", java.time.Instant.now().toString());
    return out;
  }

  /** The start of a load: a fresh database by the migrations ({@link #migrateFresh}); the figures go into the map. */
  static Map<String, Object> freshLoad(Path dir, String migrateTo) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("migrateSeconds", migrateFresh(dir, migrateTo));
    out.put("migratedTo", migrateTo == null ? "latest" : migrateTo);
    return out;
  }

  /** The head of a bench's JSON: its name, start, cores and heap. */
  static Map<String, Object> header(String bench) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bench", bench);
    out.put("startedAt", java.time.Instant.now().toString());
    out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    out.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
    return out;
  }

  /** Milliseconds with 3 decimals: the lookups take tens of microseconds. */
  static double ms(long nanos) {
    return Bench.round(nanos / 1_000_000.0, 3);
  }
}
