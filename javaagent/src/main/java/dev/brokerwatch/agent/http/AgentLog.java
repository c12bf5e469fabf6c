package dev.brokerwatch.agent.http;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * What the agent has to say about a request that failed, as one line on standard error (the
 * broker's log), never a stack trace, and at most one line per {@link #INTERVAL_SECONDS}: a client
 * that makes every request fail cannot flood the broker's log. The next line counts the ones left out.
 */
final class AgentLog {
  static final long INTERVAL_SECONDS = 60;

  private final PrintStream out;
  private long lastLine;
  private boolean anyLine;
  private int suppressed;

  AgentLog(PrintStream out) {
    this.out = out;
  }

  /** The standard error of the moment, looked up per line (tests may redirect it). */
  static AgentLog toStandardError() {
    return new AgentLog(null);
  }

  void problem(String what, Throwable cause) {
    String line;
    synchronized (this) {
      long now = System.nanoTime();
      if (anyLine && now - lastLine < TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS)) {
        suppressed++;
        return;
      }
      line =
          "brokerwatch: " + what + ": " + describe(cause)
              + (suppressed > 0 ? " (" + suppressed + " more left out since the last line)" : "");
      anyLine = true;
      lastLine = now;
      suppressed = 0;
    }
    (out != null ? out : System.err).println(line);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.replace('\r', ' ').replace('\n', ' ');
  }
}
