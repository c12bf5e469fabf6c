package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Everything outside the agent's endpoints. */
final class NotFoundHandler implements HttpHandler {
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      Responses.send(
          exchange, 404, Responses.TEXT, "not found; try /metrics, /health/live, /health/ready or /about\n");
    } finally {
      exchange.close();
    }
  }
}
