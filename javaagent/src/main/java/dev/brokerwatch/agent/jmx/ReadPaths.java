package dev.brokerwatch.agent.jmx;

/**
 * How the MBeans of the current scrape plan are read: in process (from the objects behind them) or
 * through the MBean server, and what the in-process reads read (null when there are none).
 */
public final class ReadPaths {
  private final int inProcess;
  private final int mbeanServer;
  private final String inProcessSource;

  public ReadPaths(int inProcess, int mbeanServer, String inProcessSource) {
    this.inProcess = inProcess;
    this.mbeanServer = mbeanServer;
    this.inProcessSource = inProcessSource;
  }

  public int inProcess() {
    return inProcess;
  }

  public int mbeanServer() {
    return mbeanServer;
  }

  public String inProcessSource() {
    return inProcessSource;
  }
}
