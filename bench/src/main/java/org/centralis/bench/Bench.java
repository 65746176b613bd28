package org.centralis.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Centralis benchmarks and load generators. Dependency-free (JDK HttpClient), except {@code acd-sim}, which
 * runs the production router from the ejb jar (copied to {@code target/lib}, named in the manifest's
 * Class-Path, so {@code java -jar} finds it); every subcommand
 * prints exactly one JSON line with its results on stdout and its progress on stderr. Every loop is
 * bounded both in count and in time, and only a server on localhost / 127.0.0.1 is ever targeted.
 *
 * <pre>
 *   java -jar bench/target/centralis-bench.jar cold-start   --dir /work/main [--port 8080]
 *   java -jar bench/target/centralis-bench.jar ticket-e2e   --url http://localhost:8080 --user staff1 --count 100
 *   java -jar bench/target/centralis-bench.jar ticket-intake --url http://localhost:8080 --users staff1,staff2 --threads 8 --seconds 30
 *   java -jar bench/target/centralis-bench.jar acd-sim --agents 14 --arrivals-per-hour 200 --aht-seconds 180 --threshold-seconds 20 --hours 500 --seed 1
 *   java -jar bench/target/centralis-bench.jar acd-load --url http://localhost:8080 --data ./data --setup --agents 200 --queues 20 --rate 100
 * </pre>
 */
public final class Bench {

  static final PrintStream LOG = System.err;
  static final String PASSWORD_DEFAULT = "centralis";

  private Bench() {}

  public static void main(String[] argv) {
    if (argv.length == 0 || Arrays.asList("-h", "--help", "help").contains(argv[0])) {
      usage();
      System.exit(argv.length == 0 ? 2 : 0);
    }
    Args args;
    try {
      args = Args.parse(Arrays.copyOfRange(argv, 1, argv.length));
    } catch (IllegalArgumentException e) {
      LOG.println("bench: " + e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    try {
      Map<String, Object> result =
          switch (argv[0]) {
            case "cold-start" -> ColdStart.run(args);
            case "ticket-e2e" -> TicketE2e.run(args);
            case "ticket-intake" -> TicketIntakeLoad.run(args);
            case "kb-search" -> KnowledgeSearchBench.run(args);
            case "acd-sim" -> AcdSim.run(args);
            case "acd-load" -> AcdLoad.run(args);
            case "ticket-list" -> TicketListBench.run(args);
            case "ticket-dashboard" -> TicketDashboardBench.run(args);
            case "audit-log" -> AuditLogBench.run(args);
            case "customer-lookup" -> CustomerLookupBench.run(args);
            default -> throw new IllegalArgumentException("unknown subcommand " + argv[0]);
          };
      System.out.println(Json.write(result));
      System.out.flush();
    } catch (IllegalArgumentException e) {
      LOG.println("bench: " + e.getMessage());
      System.exit(2);
    } catch (BenchFailure e) {
      LOG.println("bench: FAILED: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      LOG.println("bench: interrupted");
      System.exit(130);
    } catch (Exception e) {
      LOG.println("bench: FAILED: " + e);
      e.printStackTrace(LOG);
      System.exit(1);
    }
  }

  static void usage() {
    LOG.println(
        """
        usage: java -jar centralis-bench.jar <subcommand> [options]

          cold-start    --dir <centralis checkout> [--port 8080] [--broker-port <port+1>]
                        [--timeout 300] [--data <dir, default /tmp/bench-data-*>] [--keep-data]
                        [--snapshot | --allow-build]
              Starts ./run.sh twice on a fresh data directory (cold, then warm restart), each time in its
              own process group, and stops it with SIGTERM to the group. --snapshot runs run.sh from a
              copy holding only the built artifacts (never rebuilds); --allow-build lets run.sh build.
              -> {"coldStartSeconds":..,"loginPageSeconds":..,"restartSeconds":..,...}

          ticket-e2e    --url http://localhost:8080 --user staff1 --count 100
                        [--password centralis] [--customer <id>] [--warmup 5] [--poll-ms 5]
                        [--ticket-timeout 30] [--max-seconds 900]
              Sequential: POST a ticket, poll GET every poll-ms until DISPATCHED.
              -> {"count":..,"createP50Ms":..,"createP99Ms":..,"dispatchedP50Ms":..,"dispatchedP99Ms":..,"maxMs":..}

          ticket-intake --url http://localhost:8080 --users staff1,staff2,... --threads 8 --seconds 30
                        [--password centralis] [--customer <id>] [--warmup-seconds 5] [--drain-seconds 60]
                        [--max-tickets 1000000]
              Closed-loop POST /api/tickets from N threads (users round-robin) after a warm-up, then
              waits (bounded) until every created ticket is DISPATCHED.
              -> {"threads":..,"tickets":..,"ticketsPerSecond":..,"p50Ms":..,"p95Ms":..,"p99Ms":..,"errors":..,"undispatchedAfterWait":..}

          kb-search     --url http://localhost:8080 [--seed <articles to create first>] [--threads 4] [--seconds 30]
              Knowledge searches (Chinese and English mix) after optional seeding; see KnowledgeSearchBench.
              -> {"articles":..,"searches":..,"p50Ms":..,"p95Ms":..,"p99Ms":..,"seed":{..}}

          acd-sim       --agents 14 --arrivals-per-hour 200 --aht-seconds 180 --threshold-seconds 20 --hours 500
                        [--seed 1] [--warmup-hours <1% of hours>] [--strategy LONGEST_IDLE] [--max-seconds 3600]
              Discrete-event simulation in virtual time of one FIFO queue (Poisson arrivals, exponential
              handling, no abandonment) routed by the production Router; no server needed. Compared with
              the production Erlang C figures; standard errors by batch means; see AcdSim.
              -> {"offered":..,"answered":..,"serviceLevel":..,"asaSeconds":..,"probabilityOfWaiting":..,"occupancy":..,"erlangC":{..},...}
          acd-load      --url http://localhost:8080 --data <server's CENTRALIS_DATA> | --db <jdbc:h2:file:…;AUTO_SERVER=TRUE>
                        [--setup] [--agents 200] [--queues 20] [--waiting 10000] [--rate 100] [--seconds 60]
                        [--warmup-seconds 10] [--drain-seconds 60] [--handle-min-ms 500] [--handle-max-ms 1500]
                        [--posters 32] [--workers 32] [--user cti] [--server-pid <pid>] [--broker-pid <pid>]
              The ACD in real time as the PBX/CTI drives it: contacts at --rate/s to random load queues, offers
              accepted from the SSE event stream, contacts ended after a random handling time, wrap-up ended;
              --setup first creates load queues, skills and agents over JDBC (see AcdLoad). Needs H2 on the class
              path: java -cp centralis-bench.jar:h2-2.3.232.jar org.centralis.bench.Bench acd-load ...
              -> {"routesPerSecond":..,"p50Ms":..,"p99Ms":..,"doubleAssignments":..,"lostContacts":..,...}

          ticket-list   --dir /tmp/ticket-list-bench [--phases load,migrate,measure] [--tickets 1000000] [--migrate-to <V>] [--threads 1]
                        [--seconds 20] [--warmup-seconds 5] [--seed 42] [--deep-offset 2000] [--scenarios all] [--explain true]
                        [--list-sql current|before] [--count-cap 0|10000] [--allow-empty true]
              Embedded H2 built by the migrations, N tickets, then the SQL of TicketQueries.list per scenario.
              Needs H2, Flyway and the migrations on the class path (see TicketListBench).
              -> {"load":{..},"scenarios":[{"scenario":..,"p50Ms":..,"p95Ms":..,"p99Ms":..,"maxMs":..},..]}

          ticket-dashboard --dir /tmp/ticket-list-bench [--seconds 20] [--warmup-seconds 3] [--scenarios all]
              On ticket-list's database: the HQ manager's KPIs and a supervisor's tickets by status, as the home
              pages computed them before (a list call per figure) and now (one grouped read), checked equal first.
              -> {"checks":{..},"scenarios":[{"scenario":..,"p50Ms":..,"p95Ms":..,..},..]}

          audit-log --dir /tmp/ticket-list-bench [--phases load,measure] [--events 2000000] [--seconds 15] [--warmup-seconds 3]
              On ticket-list's database: N audit events, then the auditor's page of 20 and its total as AuditTrail
              sends them before (ordered over the whole log; exact COUNT or cap + 1 ids) and now (windows of the
              newest sequence numbers), for HQ, a region and an actor; the pages checked against a plain query first.

          customer-lookup --dir /tmp/customer-lookup-bench [--phases load,measure] [--customers 10000000] [--threads 1]
                        [--seconds 20] [--warmup-seconds 5] [--seed 42] [--explain true]
              Embedded H2 built by the migrations, N customers with phone, ID number and 1-2 accounts, then the SQL
              of CustomerDirectory.lookup by PHONE / ID_NUMBER / ACCOUNT_NO (see CustomerLookupBench).

          Only http(s)://localhost or 127.0.0.1 URLs are accepted (by the HTTP subcommands).
        """);
  }

  // ---------------------------------------------------------------- arguments

  static final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    static Args parse(String[] a) {
      Args args = new Args();
      for (int i = 0; i < a.length; i++) {
        String k = a[i];
        if (!k.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument " + k);
        }
        String name = k.substring(2);
        int eq = name.indexOf('=');
        if (eq >= 0) {
          args.values.put(name.substring(0, eq), name.substring(eq + 1));
        } else if (i + 1 < a.length && !a[i + 1].startsWith("--")) {
          args.values.put(name, a[++i]);
        } else {
          args.values.put(name, "true");
        }
      }
      return args;
    }

    String str(String name, String dflt) {
      return values.getOrDefault(name, dflt);
    }

    String required(String name) {
      String v = values.get(name);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return v;
    }

    boolean flag(String name) {
      return "true".equalsIgnoreCase(values.get(name));
    }

    int integer(String name, int dflt, int min, int max) {
      String v = values.get(name);
      if (v == null) {
        return dflt;
      }
      try {
        int n = Integer.parseInt(v.trim());
        if (n < min || n > max) {
          throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " is not a number: " + v);
      }
    }

    double decimal(String name, double dflt, double min, double max) {
      String v = values.get(name);
      if (v == null) {
        return dflt;
      }
      double d;
      try {
        d = Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " is not a number: " + v);
      }
      if (!Double.isFinite(d) || d < min || d > max) {
        throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
      }
      return d;
    }

    Long optionalLong(String name) {
      String v = values.get(name);
      if (v == null) {
        return null;
      }
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " is not a number: " + v);
      }
    }
  }

  static final class BenchFailure extends Exception {
    BenchFailure(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------- HTTP helpers

  /** Accepts only http(s) URLs whose host is localhost or 127.0.0.1; returns it without a trailing slash. */
  static String localUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("only http(s) URLs are accepted: " + url);
    }
    if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
      throw new IllegalArgumentException("refusing to target a host other than localhost/127.0.0.1: " + url);
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("no credentials in the URL, use --user/--password: " + url);
    }
    String s = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getRawPath() == null ? "" : uri.getRawPath());
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(HttpClient client, String url, String auth, Duration timeout) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json").GET();
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postJson(HttpClient client, String url, String auth, String body, Duration timeout) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("Authorization", auth)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** True when the readiness body holds a check named "database" whose status is UP. */
  @SuppressWarnings("unchecked")
  static boolean databaseUp(String body) {
    try {
      Object parsed = Json.parse(body);
      if (!(parsed instanceof Map<?, ?> m) || !(m.get("checks") instanceof List<?> checks)) {
        return false;
      }
      for (Object c : checks) {
        if (c instanceof Map<?, ?> check && "database".equals(check.get("name"))) {
          return "UP".equals(check.get("status"));
        }
      }
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static void requireReady(HttpClient client, String base) throws BenchFailure, InterruptedException {
    try {
      HttpResponse<String> r = get(client, base + "/health/ready", null, Duration.ofSeconds(10));
      if (!databaseUp(r.body())) {
        throw new BenchFailure(base + "/health/ready does not show the database UP: HTTP " + r.statusCode() + " " + abbreviate(r.body()));
      }
    } catch (IOException e) {
      throw new BenchFailure("cannot reach " + base + "/health/ready: " + e);
    }
  }

  static String ticketBody(TicketKind kind, Long customerId, String subject) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", kind.type);
    m.put("categoryId", kind.categoryId);
    m.put("priority", "HIGH");
    m.put("channel", "BRANCH_COUNTER");
    m.put("subject", subject);
    m.put("description", "Generated by centralis-bench to measure intake and dispatch.");
    if (customerId != null) {
      m.put("customerId", customerId);
    }
    if (kind.type.equals("COMPLAINT")) { // a complaint is logged with its complaint facts (docs/complaints.md)
      Map<String, Object> complaint = new LinkedHashMap<>();
      complaint.put("severity", "MAJOR");
      complaint.put("taxonomyId", 21);
      m.put("complaint", complaint);
    }
    return Json.write(m);
  }

  record TicketKind(String type, int categoryId) {
    static final List<TicketKind> ALL =
        List.of(
            new TicketKind("COMPLAINT", 32),
            new TicketKind("INQUIRY", 2),
            new TicketKind("CONSULTATION", 11),
            new TicketKind("BUSINESS_REQUEST", 21),
            new TicketKind("SUGGESTION", 41),
            new TicketKind("FAULT_REPORT", 52));

    static List<TicketKind> choose(Args args) {
      return args.flag("mix") ? ALL : List.of(ALL.get(0));
    }
  }

  static String topLevelString(String json, String field) {
    Object parsed = Json.parse(json);
    if (parsed instanceof Map<?, ?> m && m.get(field) instanceof String s) {
      return s;
    }
    return null;
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    s = s.replaceAll("\\s+", " ");
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  static double ms(long nanos) {
    return round(nanos / 1_000_000.0, 1);
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  /** Nearest-rank percentile of sorted values (p in 0..100). */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static long[] sorted(List<Long> values) {
    long[] a = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a;
  }

  // ---------------------------------------------------------------- cold-start

  static final class ColdStart {

    static Map<String, Object> run(Args args) throws Exception {
      Path dir = Paths.get(args.required("dir")).toAbsolutePath().normalize();
      int port = args.integer("port", 8080, 1, 65535);
      int brokerPort = args.integer("broker-port", port + 1, 1, 65535);
      int timeout = args.integer("timeout", 300, 10, 1800);
      Path runSh = dir.resolve("run.sh");
      if (!Files.isExecutable(runSh)) {
        throw new IllegalArgumentException(runSh + " is missing or not executable");
      }
      for (String artifact : ARTIFACTS) {
        if (!Files.isRegularFile(dir.resolve(artifact))) {
          throw new BenchFailure(artifact + " is missing: build first (mvn -B -q -DskipTests package)");
        }
      }
      Path snapshot = null;
      if (args.flag("snapshot")) {
        snapshot = snapshot(dir);
        dir = snapshot;
        runSh = dir.resolve("run.sh");
      } else {
        List<Path> stale = staleSources(dir);
        if (!stale.isEmpty() && !args.flag("allow-build")) {
          throw new BenchFailure(
              "run.sh would rebuild before starting (" + stale.get(0) + " is newer than the WAR"
                  + (stale.size() > 1 ? ", and " + (stale.size() - 1) + " more" : "")
                  + "), which would distort the start time: build first, pass --snapshot (run the built artifacts from a copy),"
                  + " or pass --allow-build");
        }
      }
      for (int p : new int[] {port, brokerPort}) {
        if (!portFree(p)) {
          throw new BenchFailure("port " + p + " is already in use: refusing to start a second server on it");
        }
      }
      String base = "http://127.0.0.1:" + port;
      boolean keepData = args.flag("keep-data");
      Path data = args.str("data", null) != null ? Paths.get(args.str("data", null)).toAbsolutePath() : Files.createTempDirectory(Paths.get("/tmp"), "bench-data-");
      if (Files.exists(data.resolve("db"))) {
        throw new BenchFailure(data + " already holds a database: a cold start needs a fresh data directory");
      }
      Files.createDirectories(data);
      LOG.printf("cold-start: %s on port %d (broker %d), data %s%n", runSh, port, brokerPort, data);

      Map<String, Object> result = new LinkedHashMap<>();
      HttpClient client = httpClient();
      try {
        Start cold = startAndMeasure(dir, data, port, brokerPort, base, timeout, client, "cold");
        Start warm = startAndMeasure(dir, data, port, brokerPort, base, timeout, client, "restart");
        result.put("coldStartSeconds", cold.readySeconds);
        result.put("loginPageSeconds", cold.loginSeconds);
        result.put("restartSeconds", warm.readySeconds);
        result.put("restartLoginPageSeconds", warm.loginSeconds);
        result.put("coldStopSeconds", cold.stopSeconds);
        result.put("restartStopSeconds", warm.stopSeconds);
        result.put("port", port);
      } finally {
        if (keepData) {
          LOG.println("cold-start: data kept in " + data);
        } else {
          deleteTree(data);
        }
        if (snapshot != null) {
          deleteTree(snapshot);
        }
      }
      return result;
    }

    static final List<String> ARTIFACTS =
        List.of(
            "web-module/target/centralis.war",
            "web-module/target/runtime/centralis-artemis-ra.rar",
            "web-module/target/runtime/payara-micro.jar",
            "broker/target/centralis-broker.jar");

    /**
     * Copies run.sh and the built artifacts (no sources, no POMs) to /tmp/bench-tree-*: run.sh there
     * finds nothing to rebuild, and builds others run in the checkout meanwhile cannot swap the WAR
     * under a starting server.
     */
    static Path snapshot(Path dir) throws IOException {
      Path tree = Files.createTempDirectory(Paths.get("/tmp"), "bench-tree-");
      List<String> files = new ArrayList<>(ARTIFACTS);
      files.add("run.sh");
      Path lib = dir.resolve("broker/target/lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> jars = Files.list(lib)) {
          jars.filter(Files::isRegularFile).forEach(j -> files.add(dir.relativize(j).toString()));
        }
      }
      for (String f : files) {
        Path to = tree.resolve(f);
        Files.createDirectories(to.getParent());
        Files.copy(dir.resolve(f), to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
      LOG.printf("cold-start: copied run.sh and %d built files to %s (war of %s)%n", files.size() - 1, tree, Files.getLastModifiedTime(dir.resolve(ARTIFACTS.get(0))));
      return tree;
    }

    record Start(double readySeconds, double loginSeconds, double stopSeconds) {}

    static Start startAndMeasure(Path dir, Path data, int port, int brokerPort, String base, int timeoutSeconds, HttpClient client, String label)
        throws Exception {
      Path log = data.resolve("bench-run-" + label + ".log");
      // setsid: run.sh becomes the leader of a new session and process group (its pid = the group id),
      // so the broker and Payara Micro it starts can be signalled together.
      ProcessBuilder pb = new ProcessBuilder("setsid", "./run.sh").directory(dir.toFile());
      pb.environment().put("PORT", String.valueOf(port));
      pb.environment().put("BROKER_PORT", String.valueOf(brokerPort));
      pb.environment().put("CENTRALIS_DATA", data.toString());
      pb.environment().remove("SHELLOPTS"); // no job control inherited into run.sh
      pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      long t0 = System.nanoTime();
      Process process = pb.start();
      long pgid = process.pid();
      Thread hook =
          new Thread(
              () -> {
                try {
                  LOG.printf("cold-start: [%s] interrupted, stopping what was started%n", label);
                  stopGroup(process, pgid, label);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      Runtime.getRuntime().addShutdownHook(hook);
      LOG.printf("cold-start: [%s] launched run.sh, process group %d, log %s%n", label, pgid, log);
      double ready = -1;
      double login = -1;
      try {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long lastNote = t0;
        while (ready < 0 || login < 0) {
          if (!process.isAlive()) {
            throw new BenchFailure("[" + label + "] run.sh exited with " + process.exitValue() + " before the application was ready; see " + log);
          }
          if (System.nanoTime() > deadline) {
            throw new BenchFailure("[" + label + "] not ready within " + timeoutSeconds + " s; see " + log + " and " + data.resolve("logs"));
          }
          if (ready < 0) {
            try {
              HttpResponse<String> r = get(client, base + "/health/ready", null, Duration.ofSeconds(5));
              if (databaseUp(r.body())) {
                ready = seconds(System.nanoTime() - t0);
                LOG.printf("cold-start: [%s] /health/ready database UP after %.2f s%n", label, ready);
              }
            } catch (IOException e) {
              // not listening yet
            }
          }
          if (login < 0) {
            try {
              HttpResponse<String> r = get(client, base + "/login.xhtml", null, Duration.ofSeconds(30));
              if (r.statusCode() == 200) {
                login = seconds(System.nanoTime() - t0);
                LOG.printf("cold-start: [%s] /login.xhtml 200 after %.2f s%n", label, login);
              }
            } catch (IOException e) {
              // not listening yet
            }
          }
          if (System.nanoTime() - lastNote > TimeUnit.SECONDS.toNanos(10)) {
            lastNote = System.nanoTime();
            LOG.printf("cold-start: [%s] waiting ... %.0f s%n", label, seconds(lastNote - t0));
          }
          if (ready < 0 || login < 0) {
            Thread.sleep(100);
          }
        }
      } catch (Exception e) {
        Runtime.getRuntime().removeShutdownHook(hook);
        stopGroup(process, pgid, label);
        throw e;
      }
      Runtime.getRuntime().removeShutdownHook(hook);
      double stop = stopGroup(process, pgid, label);
      return new Start(round(ready, 2), round(login, 2), round(stop, 2));
    }

    /**
     * SIGTERM to the whole process group, then waits (bounded) until run.sh and every process it
     * started are gone. run.sh may start its JVMs in sessions of their own (setsid, so that Ctrl-C
     * reaches only the script, whose trap stops the application first and the broker last): they
     * are tracked as descendants too, and signalled directly only if the script fails to stop them.
     */
    static double stopGroup(Process process, long pgid, String label) throws InterruptedException {
      long t0 = System.nanoTime();
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      LOG.printf("cold-start: [%s] stopping process group %d (SIGTERM), %d descendant processes%n", label, pgid, tree.size());
      signalGroup("TERM", pgid);
      if (!waitGone(process, pgid, tree, 90)) {
        LOG.printf("cold-start: [%s] still running after 90 s: SIGTERM to each remaining process%n", label);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        if (!waitGone(process, pgid, tree, 30)) {
          LOG.printf("cold-start: [%s] SIGKILL to the remaining processes%n", label);
          signalGroup("KILL", pgid);
          tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          waitGone(process, pgid, tree, 10);
        }
      }
      double s = seconds(System.nanoTime() - t0);
      LOG.printf("cold-start: [%s] stopped after %.2f s%n", label, s);
      return s;
    }

    static boolean waitGone(Process process, long pgid, List<ProcessHandle> tree, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive() && tree.stream().noneMatch(ProcessHandle::isAlive) && !groupAlive(pgid)) {
          return true;
        }
        Thread.sleep(100);
      }
      return false;
    }

    static void signalGroup(String signal, long pgid) throws InterruptedException {
      try {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        LOG.println("cold-start: kill failed: " + e);
      }
    }

    static boolean groupAlive(long pgid) throws InterruptedException {
      try {
        Process p = new ProcessBuilder("kill", "-0", "--", "-" + pgid).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        return false;
      }
    }

    /** The same test run.sh makes: sources or POMs newer than the WAR mean it would build first. */
    static List<Path> staleSources(Path dir) throws IOException {
      Path war = dir.resolve("web-module/target/centralis.war");
      long warTime = Files.getLastModifiedTime(war).toMillis();
      List<Path> roots = new ArrayList<>(List.of(dir.resolve("pom.xml")));
      try (Stream<Path> children = Files.list(dir)) {
        children.filter(Files::isDirectory).map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile).forEach(roots::add);
      }
      for (String src : List.of("sql/src", "ejb-module/src", "web-module/src", "broker/src", "artemis-rar/src")) {
        roots.add(dir.resolve(src));
      }
      List<Path> stale = new ArrayList<>();
      for (Path root : roots) {
        if (!Files.exists(root)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(Files::isRegularFile).filter(f -> {
            try {
              return Files.getLastModifiedTime(f).toMillis() > warTime;
            } catch (IOException e) {
              return false;
            }
          }).forEach(stale::add);
        }
      }
      return stale;
    }

    static boolean portFree(int port) {
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      } catch (IOException e) {
        return false;
      }
      try (java.net.Socket c = new java.net.Socket()) {
        c.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return false; // someone answers
      } catch (ConnectException e) {
        return true;
      } catch (IOException e) {
        return true;
      }
    }

    static void deleteTree(Path root) {
      if (!root.toString().startsWith("/tmp/")) {
        LOG.println("cold-start: not deleting " + root + " (outside /tmp)");
        return;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            // best effort
          }
        });
      } catch (IOException e) {
        LOG.println("cold-start: could not delete " + root + ": " + e);
      }
    }

    static double seconds(long nanos) {
      return nanos / 1e9;
    }
  }

  // ---------------------------------------------------------------- ticket-e2e

  static final class TicketE2e {

    static Map<String, Object> run(Args args) throws Exception {
      String base = localUrl(args.required("url"));
      String user = args.required("user");
      String auth = basic(user, args.str("password", PASSWORD_DEFAULT));
      int count = args.integer("count", 100, 1, 100_000);
      int warmup = args.integer("warmup", 5, 0, 1000);
      int pollMs = args.integer("poll-ms", 5, 1, 1000);
      int ticketTimeout = args.integer("ticket-timeout", 30, 1, 600);
      int maxSeconds = args.integer("max-seconds", 900, 1, 86_400);
      Long customer = args.optionalLong("customer");
      List<TicketKind> kinds = TicketKind.choose(args);
      HttpClient client = httpClient();
      requireReady(client, base);

      long runDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
      List<Long> create = new ArrayList<>();
      List<Long> dispatched = new ArrayList<>();
      int polls = 0;
      int timedOut = 0;
      LOG.printf("ticket-e2e: %s as %s, %d warm-up + %d measured tickets, polling every %d ms%n", base, user, warmup, count, pollMs);
      for (int i = 0; i < warmup + count; i++) {
        if (System.nanoTime() > runDeadline) {
          LOG.printf("ticket-e2e: stopping after %d tickets: --max-seconds %d reached%n", i, maxSeconds);
          break;
        }
        boolean measured = i >= warmup;
        String body = ticketBody(kinds.get(i % kinds.size()), customer, "bench e2e " + i);
        long t0 = System.nanoTime();
        HttpResponse<String> r = postJson(client, base + "/api/tickets", auth, body, Duration.ofSeconds(30));
        long t1 = System.nanoTime();
        if (r.statusCode() != 201) {
          throw new BenchFailure("POST /api/tickets answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        String number = topLevelString(r.body(), "number");
        if (number == null) {
          throw new BenchFailure("no ticket number in " + abbreviate(r.body()));
        }
        long deadline = t0 + TimeUnit.SECONDS.toNanos(ticketTimeout);
        long done = -1;
        String status = topLevelString(r.body(), "status");
        if ("DISPATCHED".equals(status)) {
          done = t1;
        }
        boolean slowNoted = false;
        String lastStatus = status;
        while (done < 0 && System.nanoTime() < deadline) {
          Thread.sleep(pollMs);
          HttpResponse<String> g = get(client, base + "/api/tickets/" + number, auth, Duration.ofSeconds(30));
          long t = System.nanoTime();
          if (measured) {
            polls++;
          }
          if (g.statusCode() != 200) {
            throw new BenchFailure("GET /api/tickets/" + number + " answered " + g.statusCode() + ": " + abbreviate(g.body()));
          }
          lastStatus = topLevelString(g.body(), "status");
          if ("DISPATCHED".equals(lastStatus)) {
            done = t;
          } else if (!slowNoted && t - t0 > TimeUnit.SECONDS.toNanos(2)) {
            slowNoted = true;
            LOG.printf("ticket-e2e: SLOW %s still %s after 2 s (%s)%n", number, lastStatus, java.time.Instant.now());
          }
        }
        if (done < 0) {
          timedOut++;
          LOG.printf("ticket-e2e: %s not DISPATCHED within %d s, last status %s (%s)%n", number, ticketTimeout, lastStatus, java.time.Instant.now());
          if (!measured) {
            continue;
          }
          done = System.nanoTime();
        }
        if (measured) {
          create.add(t1 - t0);
          dispatched.add(done - t0);
          int n = i - warmup + 1;
          if (n % 10 == 0 || n == count) {
            LOG.printf("ticket-e2e: %d/%d  last %s create %.1f ms, dispatched %.1f ms%n", n, count, number, (t1 - t0) / 1e6, (done - t0) / 1e6);
          }
        }
      }
      long[] c = sorted(create);
      long[] d = sorted(dispatched);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("count", d.length);
      m.put("createP50Ms", ms(percentile(c, 50)));
      m.put("createP99Ms", ms(percentile(c, 99)));
      m.put("dispatchedP50Ms", ms(percentile(d, 50)));
      m.put("dispatchedP99Ms", ms(percentile(d, 99)));
      m.put("maxMs", ms(d.length == 0 ? 0 : d[d.length - 1]));
      m.put("createMaxMs", ms(c.length == 0 ? 0 : c[c.length - 1]));
      m.put("dispatchedP90Ms", ms(percentile(d, 90)));
      m.put("dispatchedMinMs", ms(d.length == 0 ? 0 : d[0]));
      m.put("timedOut", timedOut);
      m.put("warmup", warmup);
      m.put("pollMs", pollMs);
      m.put("polls", polls);
      return m;
    }
  }

  // ---------------------------------------------------------------- ticket-intake

  static final class TicketIntakeLoad {

    record Created(String number, String user) {}

    static Map<String, Object> run(Args args) throws Exception {
      String base = localUrl(args.required("url"));
      List<String> users = Arrays.stream(args.required("users").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      if (users.isEmpty()) {
        throw new IllegalArgumentException("--users names no user");
      }
      String password = args.str("password", PASSWORD_DEFAULT);
      Map<String, String> auths = new LinkedHashMap<>();
      users.forEach(u -> auths.put(u, basic(u, password)));
      int threads = args.integer("threads", 8, 1, 256);
      int seconds = args.integer("seconds", 30, 1, 3600);
      int warmupSeconds = args.integer("warmup-seconds", 5, 0, 600);
      int drainSeconds = args.integer("drain-seconds", 60, 0, 3600);
      int maxTickets = args.integer("max-tickets", 1_000_000, 1, 10_000_000);
      Long customer = args.optionalLong("customer");
      List<TicketKind> kinds = TicketKind.choose(args);
      HttpClient client = httpClient();
      requireReady(client, base);

      AtomicInteger next = new AtomicInteger();
      AtomicInteger sent = new AtomicInteger();
      AtomicLong errors = new AtomicLong();
      AtomicLong warmupTickets = new AtomicLong();
      ConcurrentLinkedQueue<Created> created = new ConcurrentLinkedQueue<>();
      List<List<Long>> latencies = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        latencies.add(new ArrayList<>());
      }
      long start = System.nanoTime();
      long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
      long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
      AtomicLong measuredTickets = new AtomicLong();
      LOG.printf("ticket-intake: %s, %d threads, users %s, %d s warm-up + %d s measured%n", base, threads, users, warmupSeconds, seconds);

      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Long> mine = latencies.get(t);
        int id = t;
        Thread w =
            new Thread(
                () -> {
                  while (System.nanoTime() < measureTo && sent.getAndIncrement() < maxTickets) {
                    int n = next.getAndIncrement();
                    String user = users.get(n % users.size());
                    String body = ticketBody(kinds.get(n % kinds.size()), customer, "bench intake " + n);
                    long t0 = System.nanoTime();
                    boolean measured = t0 >= measureFrom;
                    try {
                      HttpResponse<String> r = postJson(client, base + "/api/tickets", auths.get(user), body, Duration.ofSeconds(30));
                      long t1 = System.nanoTime();
                      if (r.statusCode() == 201) {
                        String number = topLevelString(r.body(), "number");
                        if (number != null) {
                          created.add(new Created(number, user));
                        }
                        // a request started in the window counts if it also ended in it
                        if (measured && t1 <= measureTo) {
                          mine.add(t1 - t0);
                          measuredTickets.incrementAndGet();
                        } else if (!measured) {
                          warmupTickets.incrementAndGet();
                        }
                      } else {
                        if (measured) {
                          errors.incrementAndGet();
                        }
                        if (errors.get() <= 5) {
                          LOG.printf("ticket-intake: [%d] %s got %d: %s%n", id, user, r.statusCode(), abbreviate(r.body()));
                        }
                      }
                    } catch (IOException e) {
                      if (measured) {
                        errors.incrementAndGet();
                      }
                      if (errors.get() <= 5) {
                        LOG.printf("ticket-intake: [%d] %s: %s%n", id, user, e);
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                },
                "intake-" + t);
        w.setDaemon(true);
        workers.add(w);
      }
      workers.forEach(Thread::start);
      long nextNote = start + TimeUnit.SECONDS.toNanos(5);
      for (Thread w : workers) {
        while (w.isAlive()) {
          w.join(500);
          if (System.nanoTime() > nextNote) {
            nextNote += TimeUnit.SECONDS.toNanos(5);
            long now = System.nanoTime();
            LOG.printf("ticket-intake: %.0f s, %d created (%s)%n", (now - start) / 1e9, created.size(), now < measureFrom ? "warm-up" : "measuring");
          }
          if (System.nanoTime() > measureTo + TimeUnit.SECONDS.toNanos(60)) {
            throw new BenchFailure("worker threads did not finish 60 s after the end of the window");
          }
        }
      }
      long loadEnd = System.nanoTime();
      List<Long> all = new ArrayList<>();
      latencies.forEach(all::addAll);
      long[] lat = sorted(all);
      double window = seconds;
      LOG.printf("ticket-intake: %d tickets in the %d s window, %d errors; waiting up to %d s for dispatch of all %d created%n",
          lat.length, seconds, errors.get(), drainSeconds, created.size());

      // Wait (bounded) until every created ticket is DISPATCHED; dispatch is roughly FIFO, so walk in order.
      List<Created> pending = new ArrayList<>(created);
      long drainDeadline = loadEnd + TimeUnit.SECONDS.toNanos(drainSeconds);
      int idx = 0;
      long lastNote = System.nanoTime();
      while (idx < pending.size() && System.nanoTime() < drainDeadline) {
        Created c = pending.get(idx);
        HttpResponse<String> g;
        try {
          g = get(client, base + "/api/tickets/" + c.number(), auths.get(c.user()), Duration.ofSeconds(30));
        } catch (IOException e) {
          Thread.sleep(200);
          continue;
        }
        if (g.statusCode() == 200 && "DISPATCHED".equals(topLevelString(g.body(), "status"))) {
          idx++;
        } else {
          Thread.sleep(100);
        }
        if (System.nanoTime() - lastNote > TimeUnit.SECONDS.toNanos(5)) {
          lastNote = System.nanoTime();
          LOG.printf("ticket-intake: %d/%d dispatched%n", idx, pending.size());
        }
      }
      // The walk stops at the first undispatched ticket; count the rest precisely.
      int undispatched = 0;
      if (idx < pending.size()) {
        for (int i = idx; i < pending.size(); i++) {
          Created c = pending.get(i);
          try {
            HttpResponse<String> g = get(client, base + "/api/tickets/" + c.number(), auths.get(c.user()), Duration.ofSeconds(30));
            if (!(g.statusCode() == 200 && "DISPATCHED".equals(topLevelString(g.body(), "status")))) {
              undispatched++;
            }
          } catch (IOException e) {
            undispatched++;
          }
        }
      }
      double drain = (System.nanoTime() - loadEnd) / 1e9;

      Map<String, Object> m = new LinkedHashMap<>();
      m.put("threads", threads);
      m.put("tickets", lat.length);
      m.put("ticketsPerSecond", round(lat.length / window, 1));
      m.put("p50Ms", ms(percentile(lat, 50)));
      m.put("p95Ms", ms(percentile(lat, 95)));
      m.put("p99Ms", ms(percentile(lat, 99)));
      m.put("errors", errors.get());
      m.put("undispatchedAfterWait", undispatched);
      m.put("maxMs", ms(lat.length == 0 ? 0 : lat[lat.length - 1]));
      m.put("seconds", seconds);
      m.put("warmupSeconds", warmupSeconds);
      m.put("warmupTickets", warmupTickets.get());
      m.put("createdTotal", pending.size());
      m.put("drainSeconds", round(undispatched == 0 ? drain : -1, 2));
      m.put("users", users.size());
      return m;
    }
  }

  // ---------------------------------------------------------------- minimal JSON

  /** A small JSON reader/writer: objects → LinkedHashMap, arrays → List, numbers → Double/Long. */
  static final class Json {
    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      if (text == null) {
        throw new IllegalArgumentException("no JSON");
      }
      Json p = new Json(text);
      p.ws();
      Object v = p.value();
      p.ws();
      if (p.i != p.s.length()) {
        throw new IllegalArgumentException("trailing characters at " + p.i);
      }
      return v;
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private Object value() {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unexpected end of JSON");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          expect("true");
          return Boolean.TRUE;
        case 'f':
          expect("false");
          return Boolean.FALSE;
        case 'n':
          expect("null");
          return null;
        default:
          return number();
      }
    }

    private void expect(String word) {
      if (!s.startsWith(word, i)) {
        throw new IllegalArgumentException("expected " + word + " at " + i);
      }
      i += word.length();
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      ws();
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        return m;
      }
      while (true) {
        ws();
        String k = string();
        ws();
        expect(":");
        ws();
        m.put(k, value());
        ws();
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
        } else {
          expect("}");
          return m;
        }
      }
    }

    private List<Object> array() {
      List<Object> l = new ArrayList<>();
      i++;
      ws();
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        return l;
      }
      while (true) {
        ws();
        l.add(value());
        ws();
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
        } else {
          expect("]");
          return l;
        }
      }
    }

    private String string() {
      if (i >= s.length() || s.charAt(i) != '"') {
        throw new IllegalArgumentException("expected a string at " + i);
      }
      i++;
      StringBuilder b = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c == '\\') {
          if (i >= s.length()) {
            break;
          }
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'u' -> {
              if (i + 4 > s.length()) {
                throw new IllegalArgumentException("bad \\u escape");
              }
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      throw new IllegalArgumentException("unterminated string");
    }

    private Object number() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String n = s.substring(start, i);
      if (n.isEmpty()) {
        throw new IllegalArgumentException("unexpected character at " + start);
      }
      if (n.contains(".") || n.contains("e") || n.contains("E")) {
        return Double.parseDouble(n);
      }
      return Long.parseLong(n);
    }

    static String write(Object v) {
      StringBuilder b = new StringBuilder();
      write(b, v);
      return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
      if (v == null) {
        b.append("null");
      } else if (v instanceof String str) {
        b.append('"');
        for (char c : str.toCharArray()) {
          switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
              if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
              } else {
                b.append(c);
              }
            }
          }
        }
        b.append('"');
      } else if (v instanceof Double d) {
        b.append(d.isNaN() || d.isInfinite() ? "null" : (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d)));
      } else if (v instanceof Number || v instanceof Boolean) {
        b.append(v);
      } else if (v instanceof Map<?, ?> m) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!first) {
            b.append(',');
          }
          first = false;
          write(b, String.valueOf(e.getKey()));
          b.append(':');
          write(b, e.getValue());
        }
        b.append('}');
      } else if (v instanceof List<?> l) {
        b.append('[');
        for (int k = 0; k < l.size(); k++) {
          if (k > 0) {
            b.append(',');
          }
          write(b, l.get(k));
        }
        b.append(']');
      } else {
        write(b, String.valueOf(v));
      }
    }
  }
}
