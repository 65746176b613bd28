package org.centralis.ticket.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatchAnnouncerTest {

  private final Broker broker = new Broker();
  private final DispatchAnnouncer announcer = new DispatchAnnouncer();

  {
    announcer.outbox = broker;
    announcer.threads = Thread::new;
  }

  @AfterEach
  void stop() {
    announcer.stop();
  }

  @Test
  void ticketsAnnouncedWhileTheSenderSendsTravelTogetherInItsNextMessage() throws Exception {
    broker.hold = new CountDownLatch(1);
    announcer.announce(List.of(1L));
    assertTrue(broker.firstSendStarted.await(5, TimeUnit.SECONDS));
    announcer.announce(List.of(2L, 3L));
    announcer.announce(List.of(4L));
    broker.hold.countDown();
    broker.awaitSent(4);
    assertEquals(List.of(List.of(1L), List.of(2L, 3L, 4L)), broker.sent);
  }

  @Test
  void aMessageHoldsAtMostOneIntakeBatchOfTickets() throws Exception {
    broker.hold = new CountDownLatch(1);
    announcer.announce(List.of(0L));
    assertTrue(broker.firstSendStarted.await(5, TimeUnit.SECONDS));
    announcer.announce(LongStream.rangeClosed(1, DispatchOutbox.PER_MESSAGE + 5).boxed().toList());
    broker.hold.countDown();
    broker.awaitSent(DispatchOutbox.PER_MESSAGE + 6);
    assertEquals(List.of(1, DispatchOutbox.PER_MESSAGE, 5), broker.sent.stream().map(List::size).toList());
  }

  @Test
  void theSenderLingersSoThatBatchesLoggedOneAfterAnotherTravelInOneMessage() throws Exception {
    announcer.lingerMillis = 300;
    broker.hold = new CountDownLatch(0);
    announcer.announce(List.of(1L));
    Thread.sleep(50);
    announcer.announce(List.of(2L, 3L));
    broker.awaitSent(3);
    assertEquals(List.of(List.of(1L, 2L, 3L)), broker.sent);
  }

  @Test
  void aLoneTicketIsSentOnceTheLingerIsOver() throws Exception {
    announcer.lingerMillis = 100;
    broker.hold = new CountDownLatch(0);
    long start = System.nanoTime();
    announcer.announce(List.of(1L));
    broker.awaitSent(1);
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100), "not before the linger is over");
    assertEquals(List.of(List.of(1L)), broker.sent);
  }

  @Test
  void aSendTheBrokerRefusesDoesNotStopTheSender() throws Exception {
    broker.refuse = true;
    broker.hold = new CountDownLatch(0);
    announcer.announce(List.of(1L));
    broker.awaitAttempts(1);
    broker.refuse = false;
    announcer.announce(List.of(2L));
    broker.awaitSent(1);
    assertEquals(List.of(List.of(2L)), broker.sent, "ticket 1 is left to the outbox's sweeper; the sender goes on");
  }

  @Test
  void whileTheBrokerBlocksTheCallerIsNotHeldAndTheExcessIsLeftToTheSweeper() throws Exception {
    broker.hold = new CountDownLatch(1);
    announcer.announce(List.of(0L));
    assertTrue(broker.firstSendStarted.await(5, TimeUnit.SECONDS));
    announcer.announce(LongStream.rangeClosed(1, DispatchAnnouncer.MAX_WAITING + 10).boxed().toList()); // returns: nothing blocks
    assertEquals(DispatchAnnouncer.MAX_WAITING, announcer.sender.waiting(), "the rest stays only in the outbox");
    broker.hold.countDown();
  }

  /** The outbox's send, against a broker that may block (hold) or refuse. */
  static class Broker extends DispatchOutbox {
    final List<List<Long>> sent = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstSendStarted = new CountDownLatch(1);
    volatile CountDownLatch hold;
    volatile boolean refuse;
    private volatile int attempts;

    @Override
    public void announce(List<Long> ticketIds) {
      attempts++;
      firstSendStarted.countDown();
      try {
        hold.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (refuse) {
        throw new IllegalStateException("AMQ219007: Cannot connect to server(s)");
      }
      sent.add(List.copyOf(ticketIds));
    }

    void awaitSent(int tickets) throws InterruptedException {
      await(() -> {
        synchronized (sent) { // a synchronized list's stream is not
          return sent.stream().mapToInt(List::size).sum() >= tickets;
        }
      });
    }

    void awaitAttempts(int n) throws InterruptedException {
      await(() -> attempts >= n);
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!done.getAsBoolean() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertTrue(done.getAsBoolean(), "in time");
    }
  }
}
