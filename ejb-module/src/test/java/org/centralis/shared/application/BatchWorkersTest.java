package org.centralis.shared.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchWorkersTest {

  private final List<List<Integer>> handled = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstStarted = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final BatchWorkers<Integer> workers = new BatchWorkers<>("test-worker", 5, 3, this::handle);

  private void handle(List<Integer> batch) {
    firstStarted.countDown();
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    handled.add(List.copyOf(batch));
    if (batch.contains(-1)) {
      throw new IllegalStateException("a bad batch");
    }
  }

  @AfterEach
  void stop() {
    workers.stop();
  }

  @Test
  void itemsQueuedWhileTheThreadWorksGoTogetherUpToTheBatchLimit() throws Exception {
    workers.start(Thread::new, 1);
    workers.offer(1);
    assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
    for (int i = 2; i <= 6; i++) {
      assertTrue(workers.offer(i));
    }
    assertFalse(workers.offer(7), "beyond the capacity");
    release.countDown();
    awaitHandled(6);
    assertEquals(List.of(List.of(1), List.of(2, 3, 4), List.of(5, 6)), handled);
  }

  @Test
  void aLingeringWorkerHandsAFullBatchOnAtOnce() throws Exception {
    release.countDown();
    workers.start(Thread::new, 1, Duration.ofSeconds(30));
    workers.offer(1);
    Thread.sleep(50);
    workers.offer(2);
    workers.offer(3);
    workers.offer(4);
    awaitHandled(3); // within 5 s: the full batch does not wait out the 30 s
    Thread.sleep(100);
    assertEquals(List.of(List.of(1, 2, 3)), handled, "4 waits for more");
  }

  @Test
  void aBatchThatThrowsDoesNotEndTheThread() throws Exception {
    release.countDown();
    workers.start(Thread::new, 1);
    workers.offer(-1);
    awaitHandled(1);
    workers.offer(8);
    awaitHandled(2);
    assertEquals(List.of(List.of(-1), List.of(8)), handled);
  }

  @Test
  void stoppingReturnsWhatWasStillQueued() throws Exception {
    workers.start(Thread::new, 1);
    workers.offer(1);
    assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
    workers.offer(2);
    workers.offer(3);
    assertEquals(List.of(2, 3), workers.stop());
    assertEquals(0, workers.waiting());
  }

  private void awaitHandled(int items) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (count() < items && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(items, count());
  }

  private int count() {
    synchronized (handled) {
      return handled.stream().mapToInt(List::size).sum();
    }
  }
}
