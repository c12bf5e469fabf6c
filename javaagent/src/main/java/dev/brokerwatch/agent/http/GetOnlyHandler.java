package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Serves exactly one path to GET and HEAD: other methods get 405, other paths under the same
 * context prefix 404. An unexpected exception goes on to {@link ExchangeGuard}, which answers 500.
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
    if (!path.equals(exchange.getRequestURI().getPath())) {
      Responses.send(exchange, 404, Responses.TEXT, "not found\n");
    } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      Responses.send(exchange, 405, Responses.TEXT, "method not allowed\n");
    } else {
      serve(exchange);
    }
    exchange.close();
  }

  /** Answers a GET or HEAD for the exact path. */
  abstract void serve(HttpExchange exchange) throws IOException;
}
