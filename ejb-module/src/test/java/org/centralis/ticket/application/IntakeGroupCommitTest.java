package org.centralis.ticket.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Channel;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntakeGroupCommitTest {

  private static final Caller CLERK = new Caller(7L, "staff1", Set.of(Role.BRANCH_STAFF), 3L, "/1/2/3/", "10.0.0.1");

  private final ExecutorService requests = Executors.newFixedThreadPool(8);
  private final RecordingWriter writer = new RecordingWriter();
  private final RecordingAnnouncer announcer = new RecordingAnnouncer();
  private final IntakeGroupCommit groupCommit = new IntakeGroupCommit();

  {
    groupCommit.writer = writer;
    groupCommit.announcer = announcer;
    groupCommit.writers = 1;
    groupCommit.threads = Thread::new;
  }

  @AfterEach
  void stop() {
    requests.shutdownNow();
    groupCommit.stop();
  }

  @Test
  void aSecondWriterTakesARequestAtOnceWhileTheFirstCommits() throws Exception {
    groupCommit.writers = 2;
    writer.holdFirstBatch = new CountDownLatch(1);
    CompletableFuture<TicketView> first = log("first");
    writer.firstBatchStarted.await(5, TimeUnit.SECONDS);
    assertEquals("second", log("second").get(5, TimeUnit.SECONDS).subject(), "written while the first batch still commits");
    writer.holdFirstBatch.countDown();
    assertEquals("first", first.get(5, TimeUnit.SECONDS).subject());
    assertEquals(List.of(1, 1), writer.batchSizes);
  }

  @Test
  void aLoneRequestIsWrittenAtOnceAndTheRequestsThatArriveMeanwhileTogether() throws Exception {
    writer.holdFirstBatch = new CountDownLatch(1);
    CompletableFuture<TicketView> first = log("first");
    writer.firstBatchStarted.await(5, TimeUnit.SECONDS);
    List<CompletableFuture<TicketView>> next = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      next.add(log("next-" + i));
    }
    awaitQueued(5);
    writer.holdFirstBatch.countDown();

    assertEquals("first", first.get(5, TimeUnit.SECONDS).subject());
    for (int i = 0; i < 5; i++) {
      assertEquals("next-" + i, next.get(i).get(5, TimeUnit.SECONDS).subject(), "each request gets its own ticket");
    }
    assertEquals(List.of(1, 5), writer.batchSizes, "the first request did not wait for company; the five queued behind it shared a transaction");
    assertEquals(CLERK, writer.callers.get(0), "the writer logs for the caller who asked, not its own thread's identity");
    assertEquals(List.of(List.of(1L), List.of(2L, 3L, 4L, 5L, 6L)), announcer.announced, "each committed batch is announced for dispatch once");
  }

  @Test
  void aFailedBatchIsWrittenAgainTicketByTicketSoOnlyTheBadRequestIsRefused() throws Exception {
    List<CompletableFuture<TicketView>> answers = queuedBehindAHeldBatch("good-1", "bad", "good-2");
    CompletableFuture<TicketView> first = answers.get(0);
    CompletableFuture<TicketView> good1 = answers.get(1);
    CompletableFuture<TicketView> bad = answers.get(2);
    CompletableFuture<TicketView> good2 = answers.get(3);

    assertEquals("first", first.get(5, TimeUnit.SECONDS).subject());
    assertEquals("good-1", good1.get(5, TimeUnit.SECONDS).subject());
    assertEquals("good-2", good2.get(5, TimeUnit.SECONDS).subject());
    Exception refused = assertThrows(Exception.class, () -> bad.get(5, TimeUnit.SECONDS));
    assertTrue(refused.getCause() instanceof InvalidInputException, "the bad request gets its own 400: " + refused);
    assertEquals(List.of(1, 3, 1, 1, 1), writer.batchSizes);
    assertEquals(List.of("first", "good-1", "good-2"), writer.committed, "nothing of the failed batch was kept twice or lost");
    assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), announcer.announced, "only committed tickets are announced");
  }

  @Test
  void aBatchThatFailsThoughNoRequestIsBadIsReported() throws Exception {
    writer.refuseBatches = true;
    List<LogRecord> warnings = warningsOf(() -> {
      for (CompletableFuture<TicketView> each : queuedBehindAHeldBatch("a", "b")) {
        each.get(5, TimeUnit.SECONDS);
      }
      log("after").get(5, TimeUnit.SECONDS); // the one writer is past the failed batch, and has said what it says of it
    });
    assertEquals(List.of(1, 2, 1, 1, 1), writer.batchSizes, "the failed batch was written again ticket by ticket");
    assertEquals(1, warnings.size(), "a batch failing by itself (as one whose rows reach the database in the wrong order) is not silent");
  }

  @Test
  void aBatchRefusedForABadRequestIsNoWarning() throws Exception {
    List<LogRecord> warnings = warningsOf(() -> {
      List<CompletableFuture<TicketView>> answers = queuedBehindAHeldBatch("bad", "good");
      answers.get(0).get(5, TimeUnit.SECONDS);
      answers.get(2).get(5, TimeUnit.SECONDS);
      assertThrows(Exception.class, () -> answers.get(1).get(5, TimeUnit.SECONDS));
      log("after").get(5, TimeUnit.SECONDS);
    });
    assertEquals(List.of(), warnings, "a clerk's bad request is the clerk's 400, not the operators' problem");
  }

  @Test
  void aBurstIsCutIntoTransactionsOfAtMostTheBatchLimit() throws Exception {
    writer.holdFirstBatch = new CountDownLatch(1);
    CompletableFuture<TicketView> first = log("first");
    writer.firstBatchStarted.await(5, TimeUnit.SECONDS);
    int burst = IntakeGroupCommit.MAX_BATCH + 3;
    List<PendingTicket> queued = new ArrayList<>();
    for (int i = 0; i < burst; i++) { // queued directly (the writer runs already): a pool of request threads this large would only slow the test
      PendingTicket pending = pending("burst-" + i);
      queued.add(pending);
      groupCommit.queue.offer(pending);
    }
    writer.holdFirstBatch.countDown();
    first.get(5, TimeUnit.SECONDS);
    for (PendingTicket p : queued) {
      p.answer().get(5, TimeUnit.SECONDS);
    }
    assertEquals(List.of(1, IntakeGroupCommit.MAX_BATCH, 3), writer.batchSizes);
  }

  private CompletableFuture<TicketView> log(String subject) {
    return CompletableFuture.supplyAsync(() -> groupCommit.log(pending(subject)), requests);
  }

  private static PendingTicket pending(String subject) {
    return new PendingTicket(CLERK, new LogRequest(TicketType.INQUIRY, 1L, Priority.NORMAL, Channel.PHONE, subject, null, null, null), null);
  }

  /** "first" is written alone and held; {@code subjects} queue behind it in this order; then "first" commits. */
  private List<CompletableFuture<TicketView>> queuedBehindAHeldBatch(String... subjects) throws Exception {
    writer.holdFirstBatch = new CountDownLatch(1);
    List<CompletableFuture<TicketView>> answers = new ArrayList<>();
    answers.add(log("first"));
    writer.firstBatchStarted.await(5, TimeUnit.SECONDS);
    for (int i = 0; i < subjects.length; i++) {
      answers.add(log(subjects[i]));
      awaitQueued(i + 1);
    }
    writer.holdFirstBatch.countDown();
    return answers;
  }

  interface Steps {
    void run() throws Exception;
  }

  /** The warnings the group commit logs while {@code steps} run. */
  private static List<LogRecord> warningsOf(Steps steps) throws Exception {
    Logger logger = Logger.getLogger(IntakeGroupCommit.class.getName());
    List<LogRecord> warnings = Collections.synchronizedList(new ArrayList<>());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      steps.run();
    } finally {
      logger.removeHandler(handler);
    }
    return warnings;
  }

  private void awaitQueued(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (groupCommit.queue.waiting() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(n, groupCommit.queue.waiting(), "requests queued behind the running batch");
  }

  /** A writer that commits in memory: it refuses any batch holding the subject "bad", as an observer's 400 would. */
  static class RecordingWriter extends TicketIntakeWriter {
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    final List<Caller> callers = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    CountDownLatch holdFirstBatch;
    /** Refuses every batch of more than one ticket, as a writer whose batches break a constraint would. */
    boolean refuseBatches;

    private final AtomicLong lastId = new AtomicLong();

    @Override
    public Written write(List<PendingTicket> batch) {
      batchSizes.add(batch.size());
      if (firstBatchStarted.getCount() > 0) {
        firstBatchStarted.countDown();
        try {
          holdFirstBatch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (batch.stream().anyMatch(p -> p.request().subject().equals("bad"))) {
        throw new InvalidInputException("subject", "bad", "refused");
      }
      if (refuseBatches && batch.size() > 1) {
        throw new IllegalStateException("referential integrity constraint violation");
      }
      long last = lastId.addAndGet(batch.size());
      batch.forEach(p -> {
        committed.add(p.request().subject());
        callers.add(p.caller());
      });
      List<Long> ids = LongStream.rangeClosed(last - batch.size() + 1, last).boxed().toList();
      return new Written(ids, batch.stream().map(p -> view(p.request().subject())).toList());
    }
  }

  /** Records what the writer hands on for dispatch. */
  static class RecordingAnnouncer extends DispatchAnnouncer {
    final List<List<Long>> announced = Collections.synchronizedList(new ArrayList<>());

    @Override
    void announce(List<Long> ticketIds) {
      announced.add(ticketIds);
    }
  }

  /** A view with only its subject set: what the group commit must hand back to the right request. */
  static TicketView view(String subject) {
    try {
      RecordComponent[] components = TicketView.class.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = components[i].getName().equals("subject") ? subject : defaultOf(types[i]);
      }
      return TicketView.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object defaultOf(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    return type == boolean.class ? false : type == long.class ? 0L : type == int.class ? 0 : type == double.class ? 0.0 : null;
  }
}
