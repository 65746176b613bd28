package org.centralis.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.centralis.acd.domain.ErlangC;
import org.centralis.acd.domain.QueueRules;
import org.centralis.acd.domain.ReadyAgent;
import org.centralis.acd.domain.Router;
import org.centralis.acd.domain.RoutingStrategy;
import org.centralis.acd.domain.WaitingContact;

/**
 * {@code acd-sim}: a discrete-event simulation in virtual time of one queue, routed by the production
 * {@link Router} (the class the server runs, loaded from the ejb jar), compared with the production
 * {@link ErlangC} figures. Contract: for one queue, FIFO, no abandonment, no wrap-up and offers accepted
 * at once, the model is exactly M/M/N, so the measured figures must agree with Erlang C within their
 * sampling error (given as batch-means standard errors).
 *
 * <p>Virtual time is a {@code long} of nanoseconds since {@link Instant#EPOCH}; the router sees it as an
 * {@code Instant}. Arrivals are Poisson (exponential gaps), handling times exponential with mean AHT,
 * each from its own {@link SplittableRandom} split off the seed: the arrival stream and the k-th handling
 * time are then the same whatever the router decides (common random numbers), so strategies can be
 * compared on identical traffic.
 *
 * <p>Measured: contacts that arrive after the warm-up and before the end. Arrivals stop at the end and the
 * queue is then drained, so every measured contact is answered and none is cut off (under FIFO a
 * contact's wait depends only on those ahead of it, so stopping later arrivals changes no measured wait).
 * Occupancy is busy agent-time inside the same window over agents × window length.
 */
final class AcdSim {

  static final long QUEUE_ID = 1;
  static final String SKILL = "SIM";
  static final int BATCHES = 20;
  // CPU time of the simulating thread: on a shared machine the wall clock mostly measures the neighbours.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What to simulate. {@code hours} includes the {@code warmupHours} that are not measured. */
  record Params(
      int agents, double arrivalsPerHour, double ahtSeconds, double thresholdSeconds, double hours, double warmupHours,
      long seed, RoutingStrategy strategy, double maxWallSeconds) {}

  /** The six figures the issue asks for, their standard errors, and what the run cost. */
  record Result(
      Params params, long offered, long answered, double serviceLevel, double asaSeconds, double probabilityOfWaiting,
      double occupancy, Map<String, Double> standardErrors, ErlangC.Figures erlangC, double sampledArrivalsPerHour,
      double sampledAhtSeconds, Map<String, Object> agentSpread, long events, long routingPasses, long matches, double wallSeconds,
      double cpuSeconds) {}

  private enum Kind {
    ARRIVAL,
    HANDLING_END
  }

  /** {@code seq} keeps simultaneous events in the order they were scheduled, so a seed gives one history. */
  private record Event(long at, long seq, Kind kind, int agent) {}

  /** Sums over the contacts arriving in one slice of the measured window (for batch-means standard errors). */
  private static final class Batch {
    long offered;
    long answered;
    long waited;
    long withinThreshold;
    double waitSeconds;
    double handlingSeconds;
    double busyAgentSeconds;
  }

  private final Params p;
  private final SplittableRandom arrivals;
  private final SplittableRandom handling;
  private final long measureFrom;
  private final long measureTo;
  private final long thresholdNanos;
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
  private final Map<Long, WaitingContact> waiting = new LinkedHashMap<>();
  private final Map<Long, ReadyAgent> ready = new LinkedHashMap<>();
  private final Batch[] batches = new Batch[BATCHES];
  // per agent, index = agent id (1..agents): the router's inputs and the fairness figures
  private final long[] busySince;
  private final long[] busyTotal;
  private final long[] busyMeasured;
  private final int[] handled;
  private final long[] answeredMeasured;

  private QueueRules queue;
  private long clock;
  private long seq;
  private long contacts;
  private long lastAnswered;
  private int busy;
  private long eventCount;
  private long routingPasses;
  private long matches;

  AcdSim(Params p) {
    this.p = p;
    SplittableRandom root = new SplittableRandom(p.seed());
    this.arrivals = root.split();
    this.handling = root.split();
    this.measureFrom = nanos(p.warmupHours() * 3600);
    this.measureTo = nanos(p.hours() * 3600);
    this.thresholdNanos = nanos(p.thresholdSeconds());
    this.queue = new QueueRules(QUEUE_ID, "SIM", p.strategy(), Map.of(SKILL, 1), List.of(), null);
    for (int b = 0; b < BATCHES; b++) {
      batches[b] = new Batch();
    }
    busySince = new long[p.agents() + 1];
    busyTotal = new long[p.agents() + 1];
    busyMeasured = new long[p.agents() + 1];
    handled = new int[p.agents() + 1];
    answeredMeasured = new long[p.agents() + 1];
  }

  /** The subcommand: parses the options, simulates, and returns the JSON object to print. */
  static Map<String, Object> run(Bench.Args args) throws Bench.BenchFailure {
    Params params = params(args);
    Bench.LOG.printf(Locale.ROOT, "acd-sim: %d agents, %.1f/h, AHT %.1f s, %.0f virtual hours (%.1f warm-up), %s, seed %d%n",
        params.agents(), params.arrivalsPerHour(), params.ahtSeconds(), params.hours(), params.warmupHours(), params.strategy(), params.seed());
    Result r = simulate(params);
    Bench.LOG.printf(Locale.ROOT, "acd-sim: %d events, %d routing passes in %.2f s (%.2f s CPU)%n",
        r.events(), r.routingPasses(), r.wallSeconds(), r.cpuSeconds());
    return json(r);
  }

  static Params params(Bench.Args args) {
    int agents = args.integer("agents", 14, 1, 10_000);
    double perHour = args.decimal("arrivals-per-hour", 200, 0.001, 1_000_000);
    double aht = args.decimal("aht-seconds", 180, 0.001, ErlangC.MAX_SECONDS);
    double threshold = args.decimal("threshold-seconds", 20, 0, ErlangC.MAX_SECONDS);
    double hours = args.decimal("hours", 500, 0.01, 1_000_000);
    // 1% by default: the run starts empty with every agent idle, and the queue forgets that start
    // within a few busy periods (minutes of virtual time at these loads), far less than 1% of a long run.
    double warmup = args.decimal("warmup-hours", hours / 100, 0, hours / 2);
    Long seed = args.optionalLong("seed");
    RoutingStrategy strategy = strategy(args.str("strategy", RoutingStrategy.LONGEST_IDLE.name()));
    double maxWall = args.decimal("max-seconds", 3600, 1, 86_400);
    double traffic = perHour * aht / 3600;
    if (agents <= traffic) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d agents for %.3f Erlangs: the queue would grow without bound and Erlang C has no steady state to compare with", agents, traffic));
    }
    return new Params(agents, perHour, aht, threshold, hours, warmup, seed == null ? 1 : seed, strategy, maxWall);
  }

  private static RoutingStrategy strategy(String name) {
    try {
      return RoutingStrategy.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--strategy must be one of " + List.of(RoutingStrategy.values()));
    }
  }

  static Result simulate(Params p) throws Bench.BenchFailure {
    return new AcdSim(p).simulate();
  }

  // ---------------------------------------------------------------- the event loop

  private Result simulate() throws Bench.BenchFailure {
    long wallStart = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long wallLimit = wallStart + nanos(p.maxWallSeconds());
    for (int a = 1; a <= p.agents(); a++) {
      ready.put((long) a, readyAgent(a));
    }
    scheduleNextArrival();
    // Past the end no contact arrives; go on only until the last measured contact is answered.
    while (!events.isEmpty() && (clock < measureTo || !waiting.isEmpty())) {
      Event e = events.poll();
      advanceTo(e.at());
      switch (e.kind()) {
        case ARRIVAL -> arrive();
        case HANDLING_END -> finishHandling(e.agent());
      }
      route();
      if (++eventCount % 1_000_000 == 0 && System.nanoTime() > wallLimit) {
        throw new Bench.BenchFailure("acd-sim: over --max-seconds " + p.maxWallSeconds() + " at virtual hour " + clock / 3.6e12);
      }
    }
    advanceTo(Math.max(clock, measureTo));
    closeBusyIntervals();
    return result((System.nanoTime() - wallStart) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
  }

  private void arrive() {
    long id = ++contacts;
    Instant at = instant(clock);
    waiting.put(id, new WaitingContact(id, QUEUE_ID, 0, at, at, 0, 0, Set.of()));
    if (measured(clock)) {
      batchOf(clock).offered++;
    }
    scheduleNextArrival();
  }

  private void finishHandling(int agent) {
    busy--;
    busyTotal[agent] += clock - busySince[agent];
    busyMeasured[agent] += overlap(busySince[agent], clock);
    ready.put((long) agent, readyAgent(agent));
  }

  /**
   * One routing pass of the production router over everything waiting and everyone ready, as the
   * server's pass does; every event can make a match (an arrival, or an agent becoming ready).
   */
  private void route() {
    List<Router.Match> made = Router.plan(waiting.values(), ready.values(), Map.of(QUEUE_ID, queue), instant(clock));
    routingPasses++;
    for (Router.Match m : made) {
      answer(m);
    }
    if (!made.isEmpty() && queue.strategy() == RoutingStrategy.ROUND_ROBIN) {
      // The server moves the pointer on every reserved offer (OfferReservation); the last one stands.
      queue = queue.withRoundRobinLast(made.get(made.size() - 1).agent().id());
    }
  }

  /** Applies a match: offered and accepted at once (no offer timeout, no ringing time). */
  private void answer(Router.Match m) {
    WaitingContact contact = waiting.remove(m.contact().id());
    ReadyAgent agent = ready.remove(m.agent().id());
    if (contact == null || agent == null) {
      // The router must only match what it was given, each once: a broken plan is a finding, not noise.
      throw new IllegalStateException("router matched contact " + m.contact().id() + " / agent " + m.agent().id() + " that was not free");
    }
    if (contact.id() < lastAnswered) {
      // Erlang C assumes first come, first served; ids are given in arrival order.
      throw new IllegalStateException("router answered contact " + contact.id() + " after contact " + lastAnswered + ", which arrived later");
    }
    lastAnswered = contact.id();
    matches++;
    int a = (int) agent.id();
    long arrivedAt = nanos(contact.arrivedAt());
    long handlingNanos = exponentialNanos(handling, p.ahtSeconds());
    if (measured(arrivedAt)) {
      Batch b = batchOf(arrivedAt);
      record(b, clock - arrivedAt);
      b.handlingSeconds += handlingNanos / 1e9;
      answeredMeasured[a]++;
    }
    busy++;
    busySince[a] = clock;
    handled[a]++;
    schedule(clock + handlingNanos, Kind.HANDLING_END, a);
  }

  private void record(Batch b, long waitNanos) {
    b.answered++;
    b.waitSeconds += waitNanos / 1e9;
    if (waitNanos > 0) {
      b.waited++;
    }
    if (waitNanos <= thresholdNanos) {
      b.withinThreshold++;
    }
  }

  /**
   * The router's view of an agent: idle since now. Contacts and occupancy are counted from the start of
   * the run (the server counts them per day; a simulated day has no reason to reset them).
   */
  private ReadyAgent readyAgent(int a) {
    double occupancy = clock == 0 ? 0 : (double) busyTotal[a] / clock;
    return new ReadyAgent(a, "sim" + a, Map.of(SKILL, 5), instant(clock), handled[a], occupancy);
  }

  // ---------------------------------------------------------------- time and measurement

  private void scheduleNextArrival() {
    long next = clock + exponentialNanos(arrivals, 3600 / p.arrivalsPerHour());
    if (next < measureTo) {
      schedule(next, Kind.ARRIVAL, 0);
    }
  }

  private void schedule(long at, Kind kind, int agent) {
    events.add(new Event(at, seq++, kind, agent));
  }

  /** Moves the clock, adding the busy agent-time spent inside the measured window to its batches. */
  private void advanceTo(long t) {
    long from = Math.max(clock, measureFrom);
    long to = Math.min(t, measureTo);
    while (from < to) {
      int b = batchIndex(from);
      long end = Math.min(to, batchEnd(b));
      batches[b].busyAgentSeconds += busy * ((end - from) / 1e9);
      from = end;
    }
    clock = t;
  }

  /** Agents still busy when the loop stops: their time inside the window counts too. */
  private void closeBusyIntervals() {
    for (int a = 1; a <= p.agents(); a++) {
      if (!ready.containsKey((long) a)) {
        busyMeasured[a] += overlap(busySince[a], clock);
      }
    }
  }

  private boolean measured(long t) {
    return t >= measureFrom && t < measureTo;
  }

  private long overlap(long from, long to) {
    return Math.max(0, Math.min(to, measureTo) - Math.max(from, measureFrom));
  }

  private int batchIndex(long t) {
    int b = (int) ((double) (t - measureFrom) / (measureTo - measureFrom) * BATCHES);
    return Math.min(BATCHES - 1, Math.max(0, b));
  }

  private long batchEnd(int b) {
    return b == BATCHES - 1 ? measureTo : measureFrom + Math.round((double) (measureTo - measureFrom) * (b + 1) / BATCHES);
  }

  private Batch batchOf(long t) {
    return batches[batchIndex(t)];
  }

  // ---------------------------------------------------------------- results

  private Result result(double wallSeconds, double cpuSeconds) {
    Batch total = new Batch();
    for (Batch b : batches) {
      total.offered += b.offered;
      total.answered += b.answered;
      total.waited += b.waited;
      total.withinThreshold += b.withinThreshold;
      total.waitSeconds += b.waitSeconds;
      total.handlingSeconds += b.handlingSeconds;
      total.busyAgentSeconds += b.busyAgentSeconds;
    }
    double windowSeconds = (measureTo - measureFrom) / 1e9;
    double occupancy = total.busyAgentSeconds / (p.agents() * windowSeconds);
    ErlangC.Figures erlang = ErlangC.of(p.arrivalsPerHour(), p.ahtSeconds()).with(p.agents(), p.thresholdSeconds());
    return new Result(p, total.offered, total.answered, share(total.withinThreshold, total.answered), total.waitSeconds / total.answered,
        share(total.waited, total.answered), occupancy, standardErrors(windowSeconds / BATCHES), erlang,
        total.offered / (windowSeconds / 3600), total.handlingSeconds / total.answered, agentSpread(windowSeconds),
        eventCount, routingPasses, matches, wallSeconds, cpuSeconds);
  }

  /**
   * Batch means: the window cut into {@value #BATCHES} slices, each figure computed per slice; the
   * spread of those slice figures over √{@value #BATCHES} estimates the standard error of the whole-run
   * figure. Slices of hundreds of hours are far longer than the queue's memory, so they are nearly
   * independent (the assumption the formula needs).
   */
  private Map<String, Double> standardErrors(double batchSeconds) {
    Map<String, Double> se = new LinkedHashMap<>();
    se.put("serviceLevel", standardError(b -> share(b.withinThreshold, b.answered)));
    se.put("asaSeconds", standardError(b -> b.answered == 0 ? 0 : b.waitSeconds / b.answered));
    se.put("probabilityOfWaiting", standardError(b -> share(b.waited, b.answered)));
    se.put("occupancy", standardError(b -> b.busyAgentSeconds / (p.agents() * batchSeconds)));
    return se;
  }

  private double standardError(ToDoubleFunction<Batch> figure) {
    double mean = 0;
    for (Batch b : batches) {
      mean += figure.applyAsDouble(b) / BATCHES;
    }
    double squares = 0;
    for (Batch b : batches) {
      double d = figure.applyAsDouble(b) - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / (BATCHES - 1) / BATCHES);
  }

  /** How evenly the strategy spread the work: the least and most loaded agent in the window. */
  private Map<String, Object> agentSpread(double windowSeconds) {
    long minAnswered = Long.MAX_VALUE;
    long maxAnswered = 0;
    double minOccupancy = 1;
    double maxOccupancy = 0;
    for (int a = 1; a <= p.agents(); a++) {
      minAnswered = Math.min(minAnswered, answeredMeasured[a]);
      maxAnswered = Math.max(maxAnswered, answeredMeasured[a]);
      double occupancy = busyMeasured[a] / 1e9 / windowSeconds;
      minOccupancy = Math.min(minOccupancy, occupancy);
      maxOccupancy = Math.max(maxOccupancy, occupancy);
    }
    Map<String, Object> spread = new LinkedHashMap<>();
    spread.put("answeredMin", minAnswered);
    spread.put("answeredMax", maxAnswered);
    spread.put("occupancyMin", round(minOccupancy));
    spread.put("occupancyMax", round(maxOccupancy));
    return spread;
  }

  static Map<String, Object> json(Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offered", r.offered());
    out.put("answered", r.answered());
    out.put("serviceLevel", round(r.serviceLevel()));
    out.put("asaSeconds", round(r.asaSeconds()));
    out.put("probabilityOfWaiting", round(r.probabilityOfWaiting()));
    out.put("occupancy", round(r.occupancy()));
    out.put("erlangC", figures(r.erlangC()));
    // The traffic the random streams actually produced, and Erlang C for it: a sample 0.1% busier than
    // asked makes every figure lean the same way, which is sampling, not routing.
    Map<String, Object> sampled = new LinkedHashMap<>();
    sampled.put("arrivalsPerHour", round(r.sampledArrivalsPerHour()));
    sampled.put("ahtSeconds", round(r.sampledAhtSeconds()));
    Params p = r.params();
    if (p.agents() > r.sampledArrivalsPerHour() * r.sampledAhtSeconds() / 3600) {
      sampled.put("erlangC", figures(ErlangC.of(r.sampledArrivalsPerHour(), r.sampledAhtSeconds()).with(p.agents(), p.thresholdSeconds())));
    }
    out.put("sampled", sampled);
    Map<String, Object> se = new LinkedHashMap<>();
    r.standardErrors().forEach((k, v) -> se.put(k, round(v)));
    out.put("standardErrors", se);
    out.put("agentSpread", r.agentSpread());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("agents", p.agents());
    params.put("arrivalsPerHour", p.arrivalsPerHour());
    params.put("ahtSeconds", p.ahtSeconds());
    params.put("thresholdSeconds", p.thresholdSeconds());
    params.put("hours", p.hours());
    params.put("warmupHours", p.warmupHours());
    params.put("seed", p.seed());
    params.put("strategy", p.strategy().name());
    out.put("params", params);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("events", r.events());
    run.put("routingPasses", r.routingPasses());
    run.put("matches", r.matches());
    run.put("wallSeconds", Math.round(r.wallSeconds() * 1000) / 1000.0);
    run.put("eventsPerSecond", Math.round(r.events() / r.wallSeconds()));
    run.put("cpuSeconds", Math.round(r.cpuSeconds() * 1000) / 1000.0);
    run.put("eventsPerCpuSecond", Math.round(r.events() / r.cpuSeconds()));
    out.put("run", run);
    return out;
  }

  private static Map<String, Object> figures(ErlangC.Figures f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("serviceLevel", round(f.serviceLevel()));
    out.put("asaSeconds", round(f.asaSeconds()));
    out.put("probabilityOfWaiting", round(f.probabilityOfWaiting()));
    out.put("occupancy", round(f.occupancy()));
    out.put("trafficErlangs", round(f.trafficErlangs()));
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** An exponential variate with the given mean in seconds, as nanoseconds; 1 − u is in (0, 1], so the log is finite. */
  static long exponentialNanos(SplittableRandom random, double meanSeconds) {
    return nanos(-Math.log(1 - random.nextDouble()) * meanSeconds);
  }

  static long nanos(double seconds) {
    return Math.round(seconds * 1e9);
  }

  static long nanos(Instant t) {
    return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
  }

  static Instant instant(long nanos) {
    return Instant.EPOCH.plusNanos(nanos);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }
}
