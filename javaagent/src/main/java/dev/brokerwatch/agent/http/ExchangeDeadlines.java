package dev.brokerwatch.agent.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a client can hold one of the server's request threads. The JDK's server reads a
 * request and writes its response with blocking calls on the request thread and, unless a JVM-wide
 * system property says otherwise, never gives up on a client that sends part of a request, or
 * stops reading the answer. Every exchange runs here under a deadline: {@link #requestMillis} to
 * read the request head (TLS handshake included), then {@link #responseMillis} for the rest,
 * paused while a scrape waits for its collection (the broker's own time, not the client's). A
 * watchdog interrupts the thread of an exchange past its deadline; a blocked channel read or write
 * then fails and the server closes that connection, and the thread serves the next one.
 */
final class ExchangeDeadlines implements Executor, AutoCloseable {
  private static final long NONE = Long.MAX_VALUE;
  private static final long WATCH_PERIOD_MILLIS = 100;
  private static final ThreadLocal<Watched> CURRENT = new ThreadLocal<>();

  private final Executor threads;
  private final long requestMillis;
  private final long responseMillis;
  private final Set<Watched> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog;

  ExchangeDeadlines(Executor threads, long requestMillis, long responseMillis) {
    this.threads = threads;
    this.requestMillis = requestMillis;
    this.responseMillis = responseMillis;
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "brokerwatch-http-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    watchdog.scheduleWithFixedDelay(this::interruptOverdue, WATCH_PERIOD_MILLIS, WATCH_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void execute(Runnable exchange) {
    threads.execute(new Watched(exchange));
  }

  /** The request head has been read: the response deadline starts now. No-op outside an exchange. */
  static void requestRead() {
    Watched watched = CURRENT.get();
    if (watched != null) {
      watched.restart(watched.owner().responseMillis);
    }
  }

  /**
   * Suspends the deadline until the returned pause is closed, for waiting on the broker (a
   * collection); then the response deadline starts again. No-op outside an exchange.
   */
  static Pause pause() {
    Watched watched = CURRENT.get();
    if (watched == null) {
      return () -> {};
    }
    watched.restart(NONE);
    return () -> watched.restart(watched.owner().responseMillis);
  }

  /** A suspended deadline. */
  interface Pause extends AutoCloseable {
    @Override
    void close();
  }

  private void interruptOverdue() {
    long now = System.nanoTime();
    for (Watched watched : running) {
      watched.interruptIfOverdue(now);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  /** One exchange on its thread, with its deadline. */
  private final class Watched implements Runnable {
    private final Runnable exchange;
    private Thread thread;
    private long deadline = NONE;
    private boolean finished;

    Watched(Runnable exchange) {
      this.exchange = exchange;
    }

    ExchangeDeadlines owner() {
      return ExchangeDeadlines.this;
    }

    @Override
    public void run() {
      synchronized (this) {
        thread = Thread.currentThread();
      }
      restart(requestMillis);
      running.add(this);
      CURRENT.set(this);
      try {
        exchange.run();
      } finally {
        CURRENT.remove();
        running.remove(this);
        synchronized (this) {
          finished = true;
          // an interrupt meant for this exchange must not reach the thread's next one
          Thread.interrupted();
        }
      }
    }

    synchronized void restart(long millis) {
      deadline = millis == NONE ? NONE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    synchronized void interruptIfOverdue(long now) {
      if (!finished && deadline != NONE && now - deadline > 0) {
        deadline = NONE;
        thread.interrupt();
      }
    }
  }
}
