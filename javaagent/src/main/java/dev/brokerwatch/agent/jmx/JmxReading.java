package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.DirectReading;
import dev.brokerwatch.agent.exposition.ReusablePool;

/**
 * The values of one pass over the MBeans, with the plan they were read by. Read-only once made;
 * closing it gives its scratch memory back for the next pass.
 */
final class JmxReading implements DirectReading {
  private final ScrapePlan plan;
  private final ScrapeScratch scratch;
  private final ReusablePool<ScrapeScratch> pool;
  private boolean closed;

  JmxReading(ScrapePlan plan, ScrapeScratch scratch, ReusablePool<ScrapeScratch> pool) {
    this.plan = plan;
    this.scratch = scratch;
    this.pool = pool;
  }

  ScrapePlan plan() {
    return plan;
  }

  SampleCells cells() {
    return scratch.cells();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      pool.give(scratch);
    }
  }
}
