package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Serves exactly one path to GET and HEAD: other methods get 405, other paths under the same
 * context prefix 404, and an unexpected exception a 500 rather than a dropped connection.
 */
abstract class GetOnlyHandler implements HttpHandler {
  private final String path;

  GetOnlyHandler(String path) {
    this.path = path;
  }

  /** The path this handler serves, also its context path. */
  final String path() {
    return path;
  }

  @Override
  public final void handle(HttpExchange exchange) throws IOException {
    try {
      if (!path.equals(exchange.getRequestURI().getPath())) {
        Responses.send(exchange, 404, Responses.TEXT, "not found\n");
        return;
      }
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.send(exchange, 405, Responses.TEXT, "method not allowed\n");
        return;
      }
      serve(exchange);
    } catch (RuntimeException e) {
      Responses.send(exchange, 500, Responses.TEXT, "internal error: " + e.getClass().getSimpleName() + "\n");
    } finally {
      exchange.close();
    }
  }

  /** Answers a GET or HEAD for the exact path. */
  abstract void serve(HttpExchange exchange) throws IOException;
}
