package dev.brokerwatch.agent.exposition;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Keeps up to {@code capacity} idle objects (scrape buffers) for the next scrapes. Scrapes are
 * limited in number, so a small pool means a scrape almost never allocates its big arrays anew,
 * while a burst beyond the pool only creates objects that are dropped afterwards.
 */
public final class ReusablePool<T> {
  private final int capacity;
  private final Supplier<T> factory;
  private final ArrayDeque<T> idle = new ArrayDeque<>();

  public ReusablePool(int capacity, Supplier<T> factory) {
    this.capacity = capacity;
    this.factory = factory;
  }

  /** An idle object, or a new one when none is idle. */
  public T take() {
    T object;
    synchronized (idle) {
      object = idle.pollFirst();
    }
    return object != null ? object : factory.get();
  }

  /** Returns {@code object} for reuse; dropped when the pool is full. */
  public void give(T object) {
    synchronized (idle) {
      if (idle.size() < capacity) {
        idle.addFirst(object);
      }
    }
  }

  /** Number of idle objects (for tests). */
  public int idleCount() {
    synchronized (idle) {
      return idle.size();
    }
  }
}
