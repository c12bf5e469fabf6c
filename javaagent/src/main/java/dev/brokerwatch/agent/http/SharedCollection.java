package dev.brokerwatch.agent.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Single flight: at most one collection runs at a time, and a scrape that arrives while one is in
 * flight waits for it and shares its result instead of starting another. So N concurrent scrapers
 * cost the broker one pass over its MBeans, and no scrape is turned away. The values a joining
 * scrape gets were read at most one collection's duration before it arrived; a scrape that arrives
 * after a collection finished always starts a new one, so no result is ever reused later (no cache).
 *
 * <p>A collection is closed (its memory returned) when the last scrape that shares it is done.
 */
final class SharedCollection {
  private final Supplier<ScrapeCollection> collector;
  private final Object lock = new Object();
  private final AtomicLong collections = new AtomicLong();
  private Flight inFlight;

  SharedCollection(Supplier<ScrapeCollection> collector) {
    this.collector = collector;
  }

  /**
   * The collection in flight, or a new one made on this thread. Close the share when done with it.
   * A collection that failed fails every scrape that waited for it with the same exception.
   */
  Share join() {
    Flight flight;
    boolean leader;
    synchronized (lock) {
      leader = inFlight == null;
      if (leader) {
        inFlight = new Flight();
      }
      flight = inFlight;
      flight.join();
    }
    if (leader) {
      ScrapeCollection result = null;
      Throwable failure = null;
      try {
        collections.incrementAndGet();
        result = collector.get();
      } catch (RuntimeException | Error e) {
        failure = e;
      } finally {
        synchronized (lock) {
          // scrapes from now on start a new collection: nobody joins a finished one
          inFlight = null;
        }
        flight.finish(result, failure);
      }
    }
    return new Share(flight, flight.await());
  }

  /** Number of collections made so far. */
  long collections() {
    return collections.get();
  }

  /** One scrape's use of a shared collection. */
  static final class Share implements AutoCloseable {
    private final Flight flight;
    private final ScrapeCollection collection;
    private boolean closed;

    private Share(Flight flight, ScrapeCollection collection) {
      this.flight = flight;
      this.collection = collection;
    }

    ScrapeCollection collection() {
      return collection;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        flight.leave();
      }
    }
  }

  /** One collection and the scrapes that share it. */
  private static final class Flight {
    private int users;
    private boolean done;
    private ScrapeCollection result;
    private Throwable failure;

    synchronized void join() {
      users++;
    }

    synchronized void finish(ScrapeCollection result, Throwable failure) {
      this.result = result;
      this.failure = failure;
      this.done = true;
      notifyAll();
    }

    /** Waits for the collection, without giving up on an interrupt (the interrupt is kept). */
    synchronized ScrapeCollection await() {
      boolean interrupted = false;
      while (!done) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        leaveLocked();
        if (failure instanceof Error) {
          throw (Error) failure;
        }
        throw (RuntimeException) failure;
      }
      return result;
    }

    synchronized void leave() {
      leaveLocked();
    }

    private void leaveLocked() {
      // users only grows while the flight is in flight, and nobody leaves before it is done
      users--;
      if (users == 0 && result != null) {
        result.close();
      }
    }
  }
}
