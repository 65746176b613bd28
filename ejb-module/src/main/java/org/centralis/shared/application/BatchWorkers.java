package org.centralis.shared.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A queue worked off in batches by threads of the node's own: each thread takes what is queued, up to a batch's limit,
 * and hands it to the handler in one call. Nobody waits for a batch to fill: an idle thread takes a lone item at once,
 * and batches grow only while every thread is busy with the previous one. That is how a cost paid once per call (a
 * commit, a broker send) is shared by whatever arrived meanwhile (ADR 0018, ADR 0019).
 *
 * <p>A worker may also be told to <em>linger</em>: having taken a batch that is not full, it waits up to that long for
 * more before the call. That is for work whose caller does not wait for it (the dispatch announcement, ADR 0022),
 * where a fuller batch saves more downstream than the wait costs; intake's callers wait, and it does not linger.
 *
 * <p>The threads start on first use, not at deployment: a bean's {@code @PostConstruct} runs before the server's
 * managed thread factory is certain to be there, and a node that never takes intake needs none.
 */
public final class BatchWorkers<T> {

  private static final Logger LOG = Logger.getLogger(BatchWorkers.class.getName());

  private final String name;
  private final int maxBatch;
  private final Consumer<List<T>> handler;
  private final BlockingQueue<T> queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean started;
  private volatile long lingerNanos;

  /**
   * @param name the threads' name, for thread dumps and profiles
   * @param capacity how many items may wait; {@link #offer} refuses beyond
   * @param maxBatch the most items one handler call gets
   * @param handler works off a batch; it handles its own failures (one that escapes is logged, and the batch lost)
   */
  public BatchWorkers(String name, int capacity, int maxBatch, Consumer<List<T>> handler) {
    this.name = name;
    this.maxBatch = maxBatch;
    this.handler = handler;
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  /**
   * Starts {@code count} threads unless they run already.
   *
   * @param factory where the threads come from; null for the server's default managed thread factory
   */
  public void start(ThreadFactory factory, int count) {
    start(factory, count, Duration.ZERO);
  }

  /**
   * Starts {@code count} threads unless they run already, each waiting up to {@code linger} to fill a batch.
   *
   * @param factory where the threads come from; null for the server's default managed thread factory
   */
  public void start(ThreadFactory factory, int count, Duration linger) {
    if (!started) {
      startOnce(factory, count, linger);
    }
  }

  /** Queues an item for the next batch; false if {@code capacity} items wait already. */
  public boolean offer(T item) {
    return queue.offer(item);
  }

  /** How many items wait for a thread. */
  public int waiting() {
    return queue.size();
  }

  /** Stops the threads; returns what was still queued, for the owner to answer or leave to a sweeper. */
  public synchronized List<T> stop() {
    threads.forEach(Thread::interrupt);
    List<T> left = new ArrayList<>();
    queue.drainTo(left);
    return left;
  }

  private synchronized void startOnce(ThreadFactory factory, int count, Duration linger) {
    if (started) {
      return;
    }
    lingerNanos = linger.toNanos();
    ThreadFactory from = factory != null ? factory : ManagedThreads.defaultThreadFactory();
    for (int i = 0; i < Math.max(1, count); i++) {
      Thread thread = from.newThread(this::run);
      thread.setName(count > 1 ? name + "-" + i : name);
      thread.start();
      threads.add(thread);
    }
    started = true;
  }

  private void run() {
    List<T> batch = new ArrayList<>(maxBatch);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        batch.add(queue.take());
        queue.drainTo(batch, maxBatch - 1);
        linger(batch);
        try {
          handler.accept(batch);
        } catch (RuntimeException e) { // the thread must outlive a bad batch, or everything queued after it waits forever
          LOG.log(Level.SEVERE, name + " lost a batch of " + batch.size(), e);
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping
    }
  }

  /** Adds what arrives within the linger, until the batch is full. */
  private void linger(List<T> batch) throws InterruptedException {
    long deadline = System.nanoTime() + lingerNanos;
    for (long left = lingerNanos; left > 0 && batch.size() < maxBatch; left = deadline - System.nanoTime()) {
      T next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, maxBatch - batch.size());
    }
  }
}
