package dev.brokerwatch.agent.jmx;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares one scrape's work between the scraping thread and up to {@code threads - 1} helper
 * threads: reading its MBeans and writing its largest text. Most of a scrape is Kafka's own gauge
 * code (each partition's log and replica state, and gauges that walk every partition), which the
 * broker runs for any reader, and then the text of every sample; spread over a few threads, the
 * same work ends sooner, and Prometheus's scrape timeout sees that.
 *
 * <p>The work is claimed in blocks: the scraping thread takes blocks until none is left, helpers
 * that start in time take blocks too, and a helper that starts after the last block was claimed
 * does nothing. So a busy or slow helper never delays a scrape beyond the blocks it claimed, and with
 * every helper busy elsewhere the scraping thread does everything itself, as with one thread. The
 * scraping thread waits for every claimed block before it goes on, which also publishes what the
 * blocks wrote.
 */
final class ScrapeWorkers implements AutoCloseable {
  /** MBeans per claim: small enough to balance, large enough that claiming costs nothing. */
  static final int BLOCK = 32;
  /** Below this many MBeans one thread reads them all: a handoff would cost more than it saves. */
  static final int PARALLEL_FROM = 4 * BLOCK;

  /** Reads {@code [from, to)} with the attribute values array of the thread that reads them. */
  interface Range {
    void read(int from, int to, Object[] values);
  }

  /** One of a few independent parts of a scrape's work. */
  interface Part {
    void run(int part);
  }

  private final int threads;
  private final ThreadPoolExecutor helpers;
  private final ThreadLocal<Object[]> helperValues = ThreadLocal.withInitial(() -> new Object[0]);

  private ScrapeWorkers(int threads) {
    this.threads = threads;
    if (threads == 1) {
      this.helpers = null;
    } else {
      AtomicInteger number = new AtomicInteger();
      this.helpers =
          new ThreadPoolExecutor(
              threads - 1,
              threads - 1,
              0,
              TimeUnit.MILLISECONDS,
              new LinkedBlockingQueue<>(),
              task -> {
                Thread thread = new Thread(task, "brokerwatch-scrape-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
    }
  }

  /** Everything on the scraping thread. */
  static ScrapeWorkers single() {
    return new ScrapeWorkers(1);
  }

  /** The scraping thread and {@code threads - 1} helpers; 1 means no helpers. */
  static ScrapeWorkers of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("scrape threads must be at least 1, got " + threads);
    }
    return new ScrapeWorkers(threads);
  }

  int threads() {
    return threads;
  }

  /**
   * Reads {@code [0, count)} in blocks of {@link #BLOCK} and returns when every block is read.
   * {@code values} is the scraping thread's array; helpers use their own of {@code valuesLength} or
   * more. An error thrown by a block on a helper is thrown here, after every other claimed block is
   * done.
   */
  void readAll(int count, int valuesLength, Object[] values, Range range) {
    if (helpers == null || count < PARALLEL_FROM) {
      range.read(0, count, values);
      return;
    }
    run(new Job(count, BLOCK, range), values, valuesLength);
  }

  /** Runs parts {@code 0..parts-1}, each once, and returns when all are done; errors as {@link #readAll}. */
  void runAll(int parts, Part part) {
    if (helpers == null || parts < 2) {
      for (int p = 0; p < parts; p++) {
        part.run(p);
      }
      return;
    }
    run(new Job(parts, 1, (from, to, values) -> part.run(from)), null, 0);
  }

  private void run(Job job, Object[] values, int valuesLength) {
    for (int i = Math.min(threads - 1, job.blocks - 1); i > 0; i--) {
      helpers.execute(() -> job.work(valuesLength == 0 ? null : helperValues(valuesLength)));
    }
    job.work(values);
    job.awaitClaimedBlocks();
  }

  private Object[] helperValues(int length) {
    Object[] values = helperValues.get();
    if (values.length < length) {
      values = new Object[length];
      helperValues.set(values);
    }
    return values;
  }

  /** Stops the helpers; work in progress finishes on its scraping thread. */
  @Override
  public void close() {
    if (helpers != null) {
      helpers.shutdown();
    }
  }

  /** One piece of work's blocks: who claims the next, how many are done, the first failure. */
  private static final class Job {
    private final int count;
    private final int blockSize;
    private final Range range;
    private final AtomicInteger nextBlock = new AtomicInteger();
    private final int blocks;
    private int done;
    private Throwable failure;

    Job(int count, int blockSize, Range range) {
      this.count = count;
      this.blockSize = blockSize;
      this.range = range;
      this.blocks = (count + blockSize - 1) / blockSize;
    }

    void work(Object[] values) {
      for (int block = nextBlock.getAndIncrement(); block < blocks; block = nextBlock.getAndIncrement()) {
        Throwable thrown = null;
        try {
          int from = block * blockSize;
          range.read(from, Math.min(count, from + blockSize), values);
        } catch (RuntimeException | Error e) {
          thrown = e;
        }
        finished(thrown);
      }
    }

    private synchronized void finished(Throwable thrown) {
      if (thrown != null && failure == null) {
        failure = thrown;
      }
      done++;
      if (done == blocks) {
        notifyAll();
      }
    }

    /** Waits for the blocks helpers claimed; bounded by their work, as the scraping thread's own is. */
    void awaitClaimedBlocks() {
      boolean interrupted = false;
      Throwable thrown;
      synchronized (this) {
        while (done < blocks) {
          try {
            wait();
          } catch (InterruptedException e) {
            // the helpers still write into this scrape's cells or buffers: they may not be reused before
            interrupted = true;
          }
        }
        thrown = failure;
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (thrown instanceof RuntimeException) {
        throw (RuntimeException) thrown;
      }
      if (thrown instanceof Error) {
        throw (Error) thrown;
      }
    }
  }
}
