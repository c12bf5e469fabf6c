package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * The first filter of every context: marks the request head as read (see {@link
 * ExchangeDeadlines}), and turns anything a handler or the authenticator throws into a 500 and one
 * rate-limited line in the broker's log instead of the JDK server's handling. A failed write to a
 * client that went away is not a problem worth a line.
 */
final class ExchangeGuard extends Filter {
  private final AgentLog log;

  ExchangeGuard(AgentLog log) {
    this.log = log;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    ExchangeDeadlines.requestRead();
    try {
      chain.doFilter(exchange);
    } catch (IOException e) {
      exchange.close();
      throw e;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      log.problem(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " failed", e);
      try {
        Responses.send(exchange, 500, Responses.TEXT, "internal error\n");
      } catch (IOException | RuntimeException ignored) {
        // headers already sent: the connection is closed below, the client sees a cut answer
      }
      exchange.close();
    }
  }

  @Override
  public String description() {
    return "brokerwatch request guard";
  }
}
