package org.centralis.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.centralis.bench.Bench.Args;
import org.centralis.bench.Bench.BenchFailure;

/**
 * {@code acd-load}: the ACD in real time against a running server, driven through its API the way the PBX/CTI and
 * the agent desks would. One CTI account ({@code cti}) does everything a PBX adapter does: posts contacts at
 * {@code --rate} per second to random load queues (no more than {@code --waiting} waiting at once), listens to
 * {@code GET /api/acd/events} (SSE) and, for every {@code CONTACT_OFFERED} of this run, accepts the offer
 * ({@code POST /api/acd/offers/{id}/accept}), ends the contact after a random handling time
 * ({@code POST /api/acd/contacts/{id}/ended}) and ends the agent's wrap-up ({@code WRAP_UP_END}). A small thread pool
 * does this for all agents: no agent polls its seat.
 *
 * <p>Measured: offers per second (from the events, and from {@code ACD_OFFER.OFFERED_AT} in the database), the
 * offer latency (contact POST sent → its first {@code CONTACT_OFFERED} event received; and the server's own
 * {@code ARRIVED_AT → OFFERED_AT}), double assignments and lost/stuck contacts from {@code ACD_OFFER} and
 * {@code ACD_INTERACTION} (as {@code AcdTraffic} counts them, computed here in Java: the self-joins do not scale to
 * 100,000 offers on H2), and the CPU of the server, the broker and the bench from {@code /proc}.
 *
 * <p>Run with H2 on the class path (the set-up and the checks use JDBC):
 * {@code java -cp bench/target/centralis-bench.jar:h2-2.2.224.jar org.centralis.bench.Bench acd-load --url … --data …}.
 * Figures and how to read them: docs/performance.md, "ACD under load (acd-load)".
 *
 * <p>{@code --setup} first creates (or completes) the load data over JDBC in the server's H2 database, which run.sh
 * opens with {@code AUTO_SERVER=TRUE}: skills {@code LOAD-S001…}, queues {@code LOAD-001…} (one required skill each,
 * level ≥ 3, the five strategies in turn) and agents {@code load-agent-0001…} (role AGENT, the demo password hash of
 * {@code agent1}, a LOGGED_OUT seat at extension 7xxxx, five queue skills each). The ACD entities are not in the JPA
 * shared cache, so the running server sees them at once. After the run, every contact of the run still open is
 * ended or abandoned and every load agent is logged out, through the API.
 */
final class AcdLoad {

  private static final java.io.PrintStream LOG = Bench.LOG;
  static final int SKILLS_PER_AGENT = 5;
  static final String[] STRATEGIES = {"LONGEST_IDLE", "LEAST_OCCUPIED", "ROUND_ROBIN", "HIGHEST_SKILL", "FEWEST_CONTACTS"};

  /** Set before the clean-up: the bench's own agents stop answering, so that the clean-up does not race them. */
  static final AtomicBoolean CLOSING = new AtomicBoolean();

  private AcdLoad() {}

  /** One contact of the run, as the bench saw it. */
  static final class Contact {
    final String externalId;
    final int queue;
    volatile long postedNanos;
    volatile long offeredNanos; // first CONTACT_OFFERED received
    volatile boolean accepted;
    volatile boolean ended;
    volatile boolean measured;

    Contact(String externalId, int queue) {
      this.externalId = externalId;
      this.queue = queue;
    }
  }

  static Map<String, Object> run(Args args) throws Exception {
    String base = Bench.localUrl(args.required("url"));
    URI baseUri = URI.create(base);
    int agents = args.integer("agents", 200, 1, 20_000);
    int queues = args.integer("queues", 20, 1, 999);
    int waitingCap = args.integer("waiting", 10_000, 1, 1_000_000);
    int rate = args.integer("rate", 100, 1, 100_000);
    int seconds = args.integer("seconds", 60, 1, 3600);
    int warmup = args.integer("warmup-seconds", 10, 0, 600);
    int drain = args.integer("drain-seconds", 60, 0, 3600);
    int handleMin = args.integer("handle-min-ms", 500, 0, 600_000);
    int handleMax = Math.max(handleMin, args.integer("handle-max-ms", 1500, 0, 600_000));
    int posters = args.integer("posters", 32, 1, 512);
    int workers = args.integer("workers", 32, 1, 512);
    String user = args.str("user", "cti");
    String auth = Bench.basic(user, args.str("password", Bench.PASSWORD_DEFAULT));
    String db = dbUrl(args);
    String dbUser = args.str("db-user", "centralis");
    String dbPassword = args.str("db-password", "centralis");

    HttpClient client = Bench.httpClient();
    Bench.requireReady(client, base);

    Map<String, Object> setup = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(db, dbUser, dbPassword)) {
      if (args.flag("setup")) {
        setup = setUp(c, agents, queues);
      }
      requireData(c, agents, queues);
    }

    // Leftovers of an earlier run (interrupted, or its clean-up raced): closed first, agents logged out.
    ThreadPoolExecutor prePool = pool("pre", workers, 1_000_000);
    cleanUp(client, base, auth, "LOAD-", db, dbUser, dbPassword, agents, prePool);
    prePool.shutdown();
    CLOSING.set(false);

    String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    String prefix = "LOAD-" + runId + "-";
    LOG.printf("acd-load: %s, run %s: %d agents, %d queues, rate %d/s, cap %d waiting, %d s warm-up + %d s measured, handling %d-%d ms%n",
        base, runId, agents, queues, rate, waitingCap, warmup, seconds, handleMin, handleMax);

    Map<String, Contact> contacts = new ConcurrentHashMap<>();
    AtomicLong posted = new AtomicLong();
    AtomicLong firstOffers = new AtomicLong();
    AtomicLong offersSeen = new AtomicLong();
    AtomicLong offersInWindow = new AtomicLong();
    AtomicLong acceptConflicts = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong skippedAtCap = new AtomicLong();
    AtomicLong skippedBacklog = new AtomicLong();
    AtomicLong events = new AtomicLong();
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> postLatencies = new ConcurrentLinkedQueue<>();

    ThreadPoolExecutor postPool = pool("post", posters, 4 * posters);
    ThreadPoolExecutor agentPool = pool("agent", workers, 1_000_000);
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("handle"));
    AtomicBoolean stop = new AtomicBoolean();

    // 1. Listen first, so that no offer of the run is missed.
    HttpClient sseClient = Bench.httpClient();
    SseListener listener = new SseListener(sseClient, base + "/api/acd/events", auth, stop, line -> {
      events.incrementAndGet();
      if (!line.contains("\"CONTACT_OFFERED\"") || !line.contains(prefix)) {
        return;
      }
      long now = System.nanoTime();
      Map<?, ?> e = (Map<?, ?>) Bench.Json.parse(line);
      String ext = (String) e.get("externalId");
      Contact c = contacts.get(ext);
      if (c == null) {
        return; // the POST's answer has not been recorded yet: cannot happen, the contact is registered before the POST
      }
      offersSeen.incrementAndGet();
      if (c.offeredNanos == 0) {
        c.offeredNanos = now;
        firstOffers.incrementAndGet();
        if (c.measured) {
          latencies.add(now - c.postedNanos);
        }
      }
      if (Window.in(now)) {
        offersInWindow.incrementAndGet();
      }
      long offerId = ((Number) e.get("offerId")).longValue();
      String agent = (String) e.get("agent");
      agentPool.execute(() -> accept(client, base, auth, c, offerId, agent, handleMin, handleMax, timers, agentPool, completed, acceptConflicts, errors));
    });
    listener.start();
    if (!listener.awaitHello(20_000)) {
      throw new BenchFailure("no HELLO on " + base + "/api/acd/events within 20 s: " + listener.failure());
    }

    // 2. Agents READY (the CTI signs them in at their extension).
    long t0 = System.nanoTime();
    List<java.util.concurrent.Future<?>> readies = new ArrayList<>();
    for (int a = 1; a <= agents; a++) {
      String login = login(a);
      String ext = Integer.toString(70000 + a);
      readies.add(agentPool.submit(() -> call(client, base + "/api/acd/agents/" + login + "/state", auth,
          "{\"state\":\"READY\",\"extension\":\"" + ext + "\"}", errors, "ready", 200)));
    }
    for (java.util.concurrent.Future<?> f : readies) {
      f.get(120, TimeUnit.SECONDS);
    }
    LOG.printf("acd-load: %d agents READY in %.1f s%n", agents, (System.nanoTime() - t0) / 1e9);

    // 3. Post contacts at the rate, for warm-up + window.
    long pid = args.optionalLong("server-pid") != null ? args.optionalLong("server-pid") : findPid("payara-micro", "--port", String.valueOf(baseUri.getPort()));
    long brokerPid = args.optionalLong("broker-pid") != null ? args.optionalLong("broker-pid") : findPid("centralis-broker", "--port", args.str("broker-port", String.valueOf(baseUri.getPort() + 1)));
    long start = System.nanoTime();
    Window.from = start + TimeUnit.SECONDS.toNanos(warmup);
    Window.to = Window.from + TimeUnit.SECONDS.toNanos(seconds);
    long[] cpuFrom = new long[3];
    long[] cpuTo = new long[3];
    long[] schedFrom = {0, 0};
    long[] schedTo = {0, 0};
    String loadFrom = null;
    String loadTo = null;
    Instant wallFrom = null;
    Instant wallTo = null;
    SplittableRandom random = new SplittableRandom(runId.hashCode());
    long intervalNanos = 1_000_000_000L / rate;
    long next = start;
    long n = 0;
    long nextNote = start + TimeUnit.SECONDS.toNanos(5);
    boolean inWindow = false;
    while (true) {
      long now = System.nanoTime();
      if (!inWindow && now >= Window.from) {
        inWindow = true;
        cpuFrom = cpu(pid, brokerPid);
        schedFrom = schedstat(pid);
        loadFrom = loadAverage();
        wallFrom = Instant.now();
      }
      if (now >= Window.to) {
        cpuTo = cpu(pid, brokerPid);
        schedTo = schedstat(pid);
        loadTo = loadAverage();
        wallTo = Instant.now();
        break;
      }
      if (now < next) {
        long sleep = next - now;
        TimeUnit.NANOSECONDS.sleep(Math.min(sleep, 5_000_000));
        continue;
      }
      next += intervalNanos;
      if (next < now - 1_000_000_000L) {
        next = now; // more than a second behind (the bench itself was descheduled): do not burst to catch up
      }
      long waiting = posted.get() - firstOffers.get();
      if (waiting >= waitingCap) {
        skippedAtCap.incrementAndGet();
        continue;
      }
      int q = 1 + random.nextInt(queues);
      Contact c = new Contact(prefix + (++n), q);
      c.measured = Window.in(now);
      contacts.put(c.externalId, c);
      try {
        postPool.execute(() -> post(client, base, auth, c, posted, postLatencies, errors, contacts));
      } catch (RejectedExecutionException e) {
        contacts.remove(c.externalId);
        skippedBacklog.incrementAndGet(); // the posters cannot keep up (the server answers too slowly)
      }
      if (now > nextNote) {
        nextNote += TimeUnit.SECONDS.toNanos(5);
        LOG.printf("acd-load: %.0f s %s: posted %d, offered %d, completed %d, waiting ~%d, events %d, errors %s%n",
            (now - start) / 1e9, now < Window.from ? "warm-up" : "measuring", posted.get(), firstOffers.get(), completed.get(),
            posted.get() - firstOffers.get(), events.get(), errors);
      }
    }
    long clockTicks = 100; // USER_HZ on Linux
    postPool.shutdown();
    postPool.awaitTermination(60, TimeUnit.SECONDS);

    // 4. Drain: agents keep working until every posted contact is completed, or the drain time is up.
    long drainStart = System.nanoTime();
    long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(drain);
    while (completed.get() < posted.get() && System.nanoTime() < drainDeadline) {
      Thread.sleep(250);
    }
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    // A contact of the window never offered counts in the latency with the time it waited until now (a lower bound),
    // so that a router that falls behind cannot look fast by leaving its slowest contacts out.
    long notOffered = 0;
    long drainEnd = System.nanoTime();
    for (Contact c : contacts.values()) {
      if (c.measured && c.offeredNanos == 0 && c.postedNanos != 0) {
        latencies.add(drainEnd - c.postedNanos);
        notOffered++;
      }
    }
    LOG.printf("acd-load: drained %d/%d in %.1f s%n", completed.get(), posted.get(), drainSeconds);
    // Let the last handling timers and answers finish (bounded) before reading the database.
    long quiet = System.nanoTime() + TimeUnit.SECONDS.toNanos(handleMax / 1000 + 5);
    while ((agentPool.getActiveCount() > 0 || !agentPool.getQueue().isEmpty()) && System.nanoTime() < quiet) {
      Thread.sleep(100);
    }

    // 5. Check from the database.
    Map<String, Object> check;
    try (Connection c = DriverManager.getConnection(db, dbUser, dbPassword)) {
      check = check(c, prefix, posted.get(), wallFrom, wallTo);
    }

    // 6. Clean up through the API: open contacts ended or abandoned, agents logged out.
    stop.set(true);
    listener.close();
    timers.shutdownNow();
    cleanUp(client, base, auth, prefix, db, dbUser, dbPassword, agents, agentPool);
    agentPool.shutdown();
    agentPool.awaitTermination(120, TimeUnit.SECONDS);

    long[] lat = Bench.sorted(new ArrayList<>(latencies));
    long[] postLat = Bench.sorted(new ArrayList<>(postLatencies));
    double window = seconds;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("routesPerSecond", Bench.round(offersInWindow.get() / window, 1));
    m.put("p50Ms", Bench.ms(Bench.percentile(lat, 50)));
    m.put("p99Ms", Bench.ms(Bench.percentile(lat, 99)));
    m.put("doubleAssignments", check.get("doubleAssignments"));
    m.put("lostContacts", check.get("lostContacts"));
    m.put("dbRoutesPerSecond", Bench.round(((Number) check.get("offersInWindow")).doubleValue() / window, 1));
    m.put("serverP50Ms", check.get("serverP50Ms"));
    m.put("serverP99Ms", check.get("serverP99Ms"));
    m.put("p90Ms", Bench.ms(Bench.percentile(lat, 90)));
    m.put("maxMs", Bench.ms(lat.length == 0 ? 0 : lat[lat.length - 1]));
    m.put("latencySamples", lat.length);
    m.put("neverOffered", notOffered);
    m.put("postP50Ms", Bench.ms(Bench.percentile(postLat, 50)));
    m.put("postP99Ms", Bench.ms(Bench.percentile(postLat, 99)));
    m.put("agents", agents);
    m.put("queues", queues);
    m.put("rate", rate);
    m.put("waitingCap", waitingCap);
    m.put("seconds", seconds);
    m.put("warmupSeconds", warmup);
    m.put("handleMs", handleMin + "-" + handleMax);
    m.put("posted", posted.get());
    m.put("postedPerSecond", Bench.round(posted.get() / (double) (warmup + seconds), 1));
    m.put("skippedAtCap", skippedAtCap.get());
    m.put("skippedBacklog", skippedBacklog.get());
    m.put("firstOffers", firstOffers.get());
    m.put("offersSeen", offersSeen.get());
    m.put("acceptConflicts", acceptConflicts.get());
    m.put("completed", completed.get());
    m.put("drainSeconds", Bench.round(drainSeconds, 1));
    m.put("events", events.get());
    m.put("errors", new LinkedHashMap<>(errors));
    double cpuWindow = (cpuTo[2] == 0 ? 0 : 1) * window; // seconds of wall time the CPU figures cover
    m.put("serverCpuPercent", cpuPercent(cpuFrom[0], cpuTo[0], clockTicks, cpuWindow));
    m.put("brokerCpuPercent", cpuPercent(cpuFrom[1], cpuTo[1], clockTicks, cpuWindow));
    m.put("benchCpuPercent", Bench.round((cpuTo[2] - cpuFrom[2]) / 1e9 / window * 100, 0));
    // Sum over the server's threads of /proc/<pid>/task/*/schedstat: time run on a CPU and time spent runnable but
    // waiting for one, per second of the window (threads that ended in the window are missing: a lower bound).
    m.put("serverRunCpuSecondsPerSecond", Bench.round((schedTo[0] - schedFrom[0]) / 1e9 / window, 2));
    m.put("serverWaitForCpuSecondsPerSecond", Bench.round((schedTo[1] - schedFrom[1]) / 1e9 / window, 2));
    m.put("serverPid", pid);
    m.put("loadAverageStart", loadFrom);
    m.put("loadAverageEnd", loadTo);
    m.put("run", runId);
    m.put("db", check);
    m.put("setup", setup);
    return m;
  }

  /** Measurement window, in System.nanoTime(). */
  static final class Window {
    static volatile long from = Long.MAX_VALUE;
    static volatile long to = Long.MAX_VALUE;

    static boolean in(long nanos) {
      return nanos >= from && nanos < to;
    }
  }

  static String login(int a) {
    return String.format("load-agent-%04d", a);
  }

  static String queueCode(int q) {
    return String.format("LOAD-%03d", q);
  }

  static String skillCode(int q) {
    return String.format("LOAD-S%03d", q);
  }

  static String dbUrl(Args args) {
    String url = args.str("db", null);
    if (url != null) {
      if (!url.startsWith("jdbc:h2:file:") && !url.startsWith("jdbc:h2:tcp://localhost") && !url.startsWith("jdbc:h2:tcp://127.0.0.1")) {
        throw new IllegalArgumentException("--db must be a local H2 URL (jdbc:h2:file:… or jdbc:h2:tcp://localhost…)");
      }
      return url;
    }
    Path data = Paths.get(args.required("data")).toAbsolutePath().normalize();
    if (!Files.isDirectory(data.resolve("db"))) {
      throw new IllegalArgumentException(data + "/db is missing: --data must be the server's CENTRALIS_DATA directory");
    }
    return "jdbc:h2:file:" + data.resolve("db/centralis") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
  }

  // ---------------------------------------------------------------- the PBX/desk side

  static void post(HttpClient client, String base, String auth, Contact c, AtomicLong posted, ConcurrentLinkedQueue<Long> postLatencies,
      Map<String, AtomicLong> errors, Map<String, Contact> contacts) {
    String body = "{\"externalId\":\"" + c.externalId + "\",\"channel\":\"VOICE\",\"queue\":\"" + queueCode(c.queue)
        + "\",\"callerNumber\":\"139" + String.format("%08d", Math.abs(c.externalId.hashCode()) % 100_000_000) + "\"}";
    long t0 = System.nanoTime();
    c.postedNanos = t0;
    try {
      HttpResponse<String> r = Bench.postJson(client, base + "/api/acd/contacts", auth, body, Duration.ofSeconds(30));
      long t1 = System.nanoTime();
      if (r.statusCode() == 202) {
        posted.incrementAndGet();
        if (c.measured) {
          postLatencies.add(t1 - t0);
        }
      } else {
        contacts.remove(c.externalId);
        error(errors, "post " + r.statusCode(), r.body());
      }
    } catch (IOException e) {
      contacts.remove(c.externalId);
      error(errors, "post " + e.getClass().getSimpleName(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void accept(HttpClient client, String base, String auth, Contact c, long offerId, String agent, int handleMin, int handleMax,
      ScheduledExecutorService timers, ExecutorService agentPool, AtomicLong completed, AtomicLong conflicts, Map<String, AtomicLong> errors) {
    if (CLOSING.get()) {
      return;
    }
    int status = call(client, base + "/api/acd/offers/" + offerId + "/accept", auth, "", errors, "accept", 200, 409);
    if (status == 409) {
      conflicts.incrementAndGet(); // timed out or cancelled meanwhile; the contact is offered again
      return;
    }
    if (status != 200) {
      return;
    }
    c.accepted = true;
    long handle = handleMin + (handleMax > handleMin ? java.util.concurrent.ThreadLocalRandom.current().nextInt(handleMax - handleMin + 1) : 0);
    try {
      timers.schedule(() -> {
        try {
          agentPool.execute(() -> {
            if (!CLOSING.get() && call(client, base + "/api/acd/contacts/" + c.externalId + "/ended", auth, "", errors, "end", 200) == 200) {
              c.ended = true;
              call(client, base + "/api/acd/agents/" + agent + "/state", auth, "{\"state\":\"WRAP_UP_END\"}", errors, "wrap-up end", 200);
              completed.incrementAndGet();
            }
          });
        } catch (RejectedExecutionException e) {
          // shutting down
        }
      }, handle, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  /** POST with a JSON body; returns the status (-1 on an I/O error) and counts unexpected answers. */
  static int call(HttpClient client, String url, String auth, String body, Map<String, AtomicLong> errors, String what, int... ok) {
    try {
      HttpResponse<String> r = Bench.postJson(client, url, auth, body, Duration.ofSeconds(30));
      for (int s : ok) {
        if (r.statusCode() == s) {
          return s;
        }
      }
      error(errors, what + " " + r.statusCode(), url + " " + r.body());
      return r.statusCode();
    } catch (IOException e) {
      error(errors, what + " " + e.getClass().getSimpleName(), url + " " + e);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static void error(Map<String, AtomicLong> errors, String key, String detail) {
    if (errors.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet() <= 3) {
      LOG.println("acd-load: " + key + ": " + Bench.abbreviate(detail));
    }
  }

  /** Reads {@code GET /api/acd/events} line by line on its own thread and hands each {@code data:} line on. */
  static final class SseListener {
    private final HttpClient client;
    private final String url;
    private final String auth;
    private final AtomicBoolean stop;
    private final java.util.function.Consumer<String> onData;
    private final java.util.concurrent.CountDownLatch hello = new java.util.concurrent.CountDownLatch(1);
    private volatile Throwable failure;
    private volatile Stream<String> lines;
    private Thread thread;

    SseListener(HttpClient client, String url, String auth, AtomicBoolean stop, java.util.function.Consumer<String> onData) {
      this.client = client;
      this.url = url;
      this.auth = auth;
      this.stop = stop;
      this.onData = onData;
    }

    void start() {
      thread = new Thread(this::listen, "sse");
      thread.setDaemon(true);
      thread.start();
    }

    private void listen() {
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").header("Authorization", auth).GET().build();
        HttpResponse<Stream<String>> r = client.send(request, HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
          failure = new IOException("HTTP " + r.statusCode());
          return;
        }
        lines = r.body();
        java.util.Iterator<String> it = lines.iterator();
        while (!stop.get() && it.hasNext()) {
          String line = it.next();
          if (line.startsWith("data:")) {
            String data = line.substring(5).strip();
            if (data.contains("\"HELLO\"")) {
              hello.countDown();
              continue;
            }
            try {
              onData.accept(data);
            } catch (RuntimeException e) {
              LOG.println("acd-load: event not handled: " + Bench.abbreviate(data) + ": " + e);
            }
          }
        }
        if (!stop.get()) {
          failure = new IOException("the event stream ended");
          LOG.println("acd-load: the event stream ended before the run did");
        }
      } catch (IOException | RuntimeException e) {
        failure = e;
        if (!stop.get()) {
          LOG.println("acd-load: event stream failed: " + e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    boolean awaitHello(long millis) throws InterruptedException {
      return hello.await(millis, TimeUnit.MILLISECONDS);
    }

    Throwable failure() {
      return failure;
    }

    void close() {
      Stream<String> s = lines;
      if (s != null) {
        try {
          s.close();
        } catch (RuntimeException ignored) {
          // closing an HTTP stream on shutdown
        }
      }
      thread.interrupt();
    }
  }

  static ThreadPoolExecutor pool(String name, int threads, int queue) {
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), daemon(name));
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // ---------------------------------------------------------------- set-up data over JDBC

  /**
   * Creates what is missing of the load data and gives agents 1..agents their skills over queues 1..queues afresh
   * (so that a run with more queues spreads the same agents over them). Ids from 5,000,000 (staff) and 900,000
   * (skills, queues), far above the sequences' values.
   */
  static Map<String, Object> setUp(Connection c, int agents, int queues) throws SQLException {
    long t0 = System.nanoTime();
    c.setAutoCommit(false);
    int skillsCreated = 0;
    int queuesCreated = 0;
    int agentsCreated = 0;
    String hash;
    long branchId;
    String branchPath;
    try (PreparedStatement ps = c.prepareStatement("SELECT S.PASSWORD_HASH, S.BRANCH_ID, B.PATH FROM STAFF S, BRANCH B WHERE S.LOGIN = 'agent1' AND B.ID = S.BRANCH_ID");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("no demo agent1 to copy the password hash and branch from");
      }
      hash = rs.getString(1);
      branchId = rs.getLong(2);
      branchPath = rs.getString(3);
    }
    try (PreparedStatement exists = c.prepareStatement("SELECT COUNT(*) FROM ACD_QUEUE WHERE CODE = ?");
        PreparedStatement skill = c.prepareStatement("INSERT INTO ACD_SKILL (ID, CODE, NAME, NAME_EN) VALUES (?, ?, ?, ?)");
        PreparedStatement queue = c.prepareStatement(
            "INSERT INTO ACD_QUEUE (ID, CODE, NAME, NAME_EN, STRATEGY, SL_TARGET_PERCENT, SL_THRESHOLD_SECONDS, MAX_WAIT_SECONDS,"
                + " WRAP_UP_SECONDS, OFFER_TIMEOUT_SECONDS, MAX_MISSES, CLOSED_ACTION) VALUES (?, ?, ?, ?, ?, 80, 20, 900, 30, 15, 2, 'VOICEMAIL')");
        PreparedStatement queueSkill = c.prepareStatement("INSERT INTO ACD_QUEUE_SKILL (QUEUE_ID, SKILL_ID, MIN_LEVEL) VALUES (?, ?, 3)")) {
      for (int q = 1; q <= queues; q++) {
        exists.setString(1, queueCode(q));
        try (ResultSet rs = exists.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            continue;
          }
        }
        long id = 900_000 + q;
        skill.setLong(1, id);
        skill.setString(2, skillCode(q));
        skill.setString(3, "负载技能 " + q);
        skill.setString(4, "Load skill " + q);
        skill.addBatch();
        queue.setLong(1, id);
        queue.setString(2, queueCode(q));
        queue.setString(3, "负载队列 " + q);
        queue.setString(4, "Load queue " + q);
        queue.setString(5, STRATEGIES[(q - 1) % STRATEGIES.length]);
        queue.addBatch();
        queueSkill.setLong(1, id);
        queueSkill.setLong(2, id);
        queueSkill.addBatch();
        skillsCreated++;
        queuesCreated++;
      }
      skill.executeBatch();
      queue.executeBatch();
      queueSkill.executeBatch();
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement exists = c.prepareStatement("SELECT COUNT(*) FROM STAFF WHERE LOGIN = ?");
        PreparedStatement staff = c.prepareStatement(
            "INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, LOCALE, PASSWORD_HASH, ACTIVE) VALUES (?, ?, ?, ?, 'zh_CN', ?, 1)");
        PreparedStatement role = c.prepareStatement("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) VALUES (?, 'AGENT')");
        PreparedStatement seat = c.prepareStatement(
            "INSERT INTO ACD_AGENT_STATE (STAFF_ID, LOGIN, BRANCH_PATH, STATE, EXTENSION, STATE_SINCE, VERSION) VALUES (?, ?, ?, 'LOGGED_OUT', ?, ?, 0)")) {
      for (int a = 1; a <= agents; a++) {
        exists.setString(1, login(a));
        try (ResultSet rs = exists.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            continue;
          }
        }
        long id = 5_000_000 + a;
        staff.setLong(1, id);
        staff.setString(2, login(a));
        staff.setString(3, "负载座席 " + a);
        staff.setLong(4, branchId);
        staff.setString(5, hash);
        staff.addBatch();
        role.setLong(1, id);
        role.addBatch();
        seat.setLong(1, id);
        seat.setString(2, login(a));
        seat.setString(3, branchPath);
        seat.setString(4, Integer.toString(70000 + a));
        seat.setObject(5, now);
        seat.addBatch();
        agentsCreated++;
        if (agentsCreated % 500 == 0) {
          staff.executeBatch();
          role.executeBatch();
          seat.executeBatch();
        }
      }
      staff.executeBatch();
      role.executeBatch();
      seat.executeBatch();
    }
    // Skills afresh: agent a serves SKILLS_PER_AGENT queues spread evenly over 1..queues, at levels 3..10.
    int k = Math.min(SKILLS_PER_AGENT, queues);
    int stride = Math.max(1, queues / k);
    int skillRows = 0;
    try (PreparedStatement del = c.prepareStatement("DELETE FROM ACD_AGENT_SKILL WHERE STAFF_ID BETWEEN 5000001 AND ?");
        PreparedStatement ins = c.prepareStatement("INSERT INTO ACD_AGENT_SKILL (STAFF_ID, SKILL_ID, SKILL_LEVEL) VALUES (?, ?, ?)")) {
      del.setLong(1, 5_000_000L + 20_000);
      del.executeUpdate();
      for (int a = 1; a <= agents; a++) {
        java.util.Set<Integer> mine = new java.util.LinkedHashSet<>();
        for (int j = 0; j < k; j++) {
          mine.add((a - 1 + j * stride) % queues + 1); // distinct: (k - 1) * stride < queues
        }
        int j = 0;
        for (int q : mine) {
          ins.setLong(1, 5_000_000L + a);
          ins.setLong(2, 900_000L + q);
          ins.setInt(3, 3 + (a * 7 + j++) % 8);
          ins.addBatch();
          skillRows++;
        }
        if (a % 500 == 0) {
          ins.executeBatch();
        }
      }
      ins.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queuesCreated", queuesCreated);
    m.put("skillsCreated", skillsCreated);
    m.put("agentsCreated", agentsCreated);
    m.put("agentSkillRows", skillRows);
    m.put("seconds", Bench.round((System.nanoTime() - t0) / 1e9, 1));
    LOG.println("acd-load: set-up " + m);
    return m;
  }

  static void requireData(Connection c, int agents, int queues) throws SQLException, BenchFailure {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM ACD_QUEUE WHERE CODE BETWEEN 'LOAD-001' AND '" + queueCode(queues) + "' AND ACTIVE = 1),"
            + " (SELECT COUNT(*) FROM ACD_AGENT_STATE WHERE LOGIN BETWEEN 'load-agent-0001' AND '" + login(agents) + "'),"
            + " (SELECT COUNT(*) FROM ACD_INTERACTION WHERE STATE IN ('WAITING', 'OFFERED', 'CONNECTED'))")) {
      rs.next();
      if (rs.getInt(1) < queues || rs.getInt(2) < agents) {
        throw new BenchFailure("load data missing (" + rs.getInt(1) + " queues, " + rs.getInt(2) + " agents): run with --setup");
      }
      if (rs.getInt(3) > 0) {
        LOG.println("acd-load: note: " + rs.getInt(3) + " contacts are open before the run (earlier runs or other traffic)");
      }
    }
  }

  // ---------------------------------------------------------------- checks from the database

  record OfferRow(long contact, long agent, long offeredAt, long decidedAt, String outcome) {}

  record ContactRow(long id, String state, long arrivedAt, long agent, long answeredAt, long endedAt) {}

  static long millis(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? Long.MAX_VALUE : t.toInstant().toEpochMilli();
  }

  static Map<String, Object> check(Connection c, String prefix, long posted, Instant from, Instant to) throws SQLException {
    long t0 = System.nanoTime();
    List<OfferRow> offers = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT O.INTERACTION_ID, O.AGENT_ID, O.OFFERED_AT, O.DECIDED_AT, O.OUTCOME FROM ACD_OFFER O, ACD_INTERACTION I"
            + " WHERE I.EXTERNAL_ID LIKE ? AND O.INTERACTION_ID = I.ID")) {
      ps.setString(1, prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          offers.add(new OfferRow(rs.getLong(1), rs.getLong(2), millis(rs, 3), millis(rs, 4), rs.getString(5)));
        }
      }
    }
    List<ContactRow> contacts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT ID, STATE, ARRIVED_AT, AGENT_ID, ANSWERED_AT, ENDED_AT FROM ACD_INTERACTION WHERE EXTERNAL_ID LIKE ?")) {
      ps.setString(1, prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long agent = rs.getLong(4);
          contacts.add(new ContactRow(rs.getLong(1), rs.getString(2), millis(rs, 3), rs.wasNull() ? -1 : agent, millis(rs, 5), millis(rs, 6)));
        }
      }
    }
    // Overlapping offers of one contact, of one agent; two contacts held at once; accepted twice (AcdTraffic's counts).
    int contactOverlaps = overlaps(offers, OfferRow::contact);
    int agentOverlaps = overlaps(offers, OfferRow::agent);
    Map<Long, List<ContactRow>> held = new HashMap<>();
    contacts.stream().filter(r -> r.agent() >= 0 && r.answeredAt() != Long.MAX_VALUE).forEach(r -> held.computeIfAbsent(r.agent(), k -> new ArrayList<>()).add(r));
    int heldOverlaps = 0;
    for (List<ContactRow> l : held.values()) {
      l.sort(Comparator.comparingLong(ContactRow::answeredAt));
      for (int i = 1; i < l.size(); i++) {
        if (l.get(i).answeredAt() < l.get(i - 1).endedAt()) {
          heldOverlaps++;
        }
      }
    }
    Map<Long, Integer> acceptedPerContact = new HashMap<>();
    offers.stream().filter(o -> o.outcome().equals("ACCEPTED")).forEach(o -> acceptedPerContact.merge(o.contact(), 1, Integer::sum));
    long twiceAccepted = acceptedPerContact.values().stream().filter(v -> v > 1).count();
    Map<String, Long> open = new LinkedHashMap<>();
    contacts.stream().filter(r -> r.state().equals("WAITING") || r.state().equals("OFFERED") || r.state().equals("CONNECTED"))
        .forEach(r -> open.merge(r.state(), 1L, Long::sum));
    long openCount = open.values().stream().mapToLong(Long::longValue).sum();
    long missing = Math.max(0, posted - contacts.size()); // answered 202 but no row
    // Server-side offer latency: ARRIVED_AT → first OFFERED_AT, for contacts that arrived in the window.
    Map<Long, Long> firstOffer = new HashMap<>();
    offers.forEach(o -> firstOffer.merge(o.contact(), o.offeredAt(), Math::min));
    List<Long> serverLat = new ArrayList<>();
    long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    for (ContactRow r : contacts) {
      Long o = firstOffer.get(r.id());
      if (o != null && r.arrivedAt() >= fromMs && r.arrivedAt() < toMs) {
        serverLat.add((o - r.arrivedAt()) * 1_000_000);
      }
    }
    long[] sl = Bench.sorted(serverLat);
    long inWindow = offers.stream().filter(o -> o.offeredAt() >= fromMs && o.offeredAt() < toMs).count();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("doubleAssignments", contactOverlaps + agentOverlaps + heldOverlaps + twiceAccepted);
    m.put("lostContacts", openCount + missing);
    m.put("contactOfferedTwiceAtOnce", contactOverlaps);
    m.put("agentOfferedTwiceAtOnce", agentOverlaps);
    m.put("agentHoldingTwo", heldOverlaps);
    m.put("acceptedTwice", twiceAccepted);
    m.put("openAfterDrain", open);
    m.put("postedWithoutRow", missing);
    m.put("contacts", contacts.size());
    m.put("offers", offers.size());
    m.put("offersInWindow", inWindow);
    m.put("serverP50Ms", Bench.ms(Bench.percentile(sl, 50)));
    m.put("serverP99Ms", Bench.ms(Bench.percentile(sl, 99)));
    m.put("serverMaxMs", Bench.ms(sl.length == 0 ? 0 : sl[sl.length - 1]));
    m.put("checkSeconds", Bench.round((System.nanoTime() - t0) / 1e9, 1));
    return m;
  }

  /** Offers of one key (contact or agent) whose [offeredAt, decidedAt) intervals overlap. */
  static int overlaps(List<OfferRow> offers, java.util.function.ToLongFunction<OfferRow> key) {
    Map<Long, List<OfferRow>> by = new HashMap<>();
    offers.forEach(o -> by.computeIfAbsent(key.applyAsLong(o), k -> new ArrayList<>()).add(o));
    int n = 0;
    for (List<OfferRow> l : by.values()) {
      l.sort(Comparator.comparingLong(OfferRow::offeredAt));
      long openUntil = Long.MIN_VALUE;
      for (OfferRow o : l) {
        if (o.offeredAt() < openUntil) {
          n++;
        }
        openUntil = Math.max(openUntil, o.decidedAt());
      }
    }
    return n;
  }

  /**
   * Ends (CONNECTED) or abandons (WAITING, OFFERED) the open contacts whose external id starts with {@code prefix} and
   * logs the load agents out, in rounds (at most 5) until nothing is left: an offer made or accepted meanwhile makes
   * a request of the previous round answer 409, the next round reads the state again.
   */
  static void cleanUp(HttpClient client, String base, String auth, String prefix, String db, String dbUser, String dbPassword, int agents,
      ExecutorService pool) throws Exception {
    CLOSING.set(true);
    Map<String, AtomicLong> cleanupErrors = new ConcurrentHashMap<>();
    int closed = 0;
    int loggedOut = 0;
    for (int round = 1; round <= 5; round++) {
      List<String[]> open = new ArrayList<>();
      List<String> seated = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(db, dbUser, dbPassword)) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT EXTERNAL_ID, STATE FROM ACD_INTERACTION WHERE EXTERNAL_ID LIKE ? AND STATE IN ('WAITING', 'OFFERED', 'CONNECTED')")) {
          ps.setString(1, prefix + "%");
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              open.add(new String[] {rs.getString(1), rs.getString(2)});
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT LOGIN FROM ACD_AGENT_STATE WHERE LOGIN LIKE 'load-agent-%' AND STATE <> 'LOGGED_OUT'");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            seated.add(rs.getString(1));
          }
        }
      }
      if (open.isEmpty() && seated.isEmpty()) {
        break;
      }
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (String[] o : open) {
        String event = o[1].equals("CONNECTED") ? "ended" : "abandoned";
        done.add(pool.submit(() -> call(client, base + "/api/acd/contacts/" + o[0] + "/" + event, auth, "", cleanupErrors, "cleanup " + event, 200, 409)));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      done.clear();
      for (String login : seated) {
        done.add(pool.submit(() -> {
          call(client, base + "/api/acd/agents/" + login + "/state", auth, "{\"state\":\"WRAP_UP_END\"}", cleanupErrors, "cleanup wrap-up", 200, 409);
          return call(client, base + "/api/acd/agents/" + login + "/state", auth, "{\"state\":\"LOGGED_OUT\"}", cleanupErrors, "cleanup logout", 200, 409);
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(300, TimeUnit.SECONDS);
      }
      closed += open.size();
      loggedOut += seated.size();
      Thread.sleep(500);
    }
    LOG.printf("acd-load: clean-up (%s*): %d contact closings, %d agent logouts, answers other than 200 %s%n", prefix, closed, loggedOut, cleanupErrors);
  }

  // ---------------------------------------------------------------- CPU and load

  /** utime+stime in clock ticks of the server and broker, and the bench's own CPU nanoseconds. */
  static long[] cpu(long pid, long brokerPid) {
    return new long[] {ticks(pid), ticks(brokerPid), ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()};
  }

  /** Summed over the process's threads: nanoseconds on a CPU, nanoseconds runnable and waiting for a CPU. */
  static long[] schedstat(long pid) {
    long[] sum = {0, 0};
    if (pid <= 0) {
      return sum;
    }
    try (Stream<Path> tasks = Files.list(Paths.get("/proc/" + pid + "/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String[] f = Files.readString(t.resolve("schedstat")).trim().split(" ");
          sum[0] += Long.parseLong(f[0]);
          sum[1] += Long.parseLong(f[1]);
        } catch (IOException | RuntimeException ignored) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
    return sum;
  }

  static long ticks(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static Object cpuPercent(long from, long to, long hz, double seconds) {
    if (from < 0 || to < 0 || seconds <= 0) {
      return null;
    }
    return Bench.round((to - from) / (double) hz / seconds * 100, 0);
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Paths.get("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return null;
    }
  }

  /** The pid of the java process whose command line holds {@code marker} and {@code option value}; -1 if none. */
  static long findPid(String marker, String option, String value) {
    try (Stream<Path> procs = Files.list(Paths.get("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String[] cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
          if (cmd.length == 0 || !cmd[0].endsWith("java")) {
            continue;
          }
          boolean hasMarker = false;
          boolean hasOption = false;
          for (int i = 0; i < cmd.length; i++) {
            hasMarker |= cmd[i].contains(marker);
            hasOption |= cmd[i].equals(option) && i + 1 < cmd.length && cmd[i + 1].equals(value);
          }
          if (hasMarker && hasOption) {
            return Long.parseLong(name);
          }
        } catch (IOException | RuntimeException ignored) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
