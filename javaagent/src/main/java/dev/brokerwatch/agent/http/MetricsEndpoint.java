package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * {@code /metrics} through the client library's handler, which negotiates Prometheus text or
 * OpenMetrics from the Accept header and gzips on request. At most {@link #MAX_CONCURRENT_SCRAPES}
 * scrapes run at once; one more is answered 503 at once, so slow scrapes cannot pile up.
 */
public final class MetricsEndpoint extends GetOnlyHandler {
  public static final String PATH = "/metrics";
  public static final int MAX_CONCURRENT_SCRAPES = 2;

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final MetricsHandler scrapeHandler;
  private final Semaphore scrapes = new Semaphore(MAX_CONCURRENT_SCRAPES);

  public MetricsEndpoint(PrometheusRegistry registry) {
    super(PATH);
    this.scrapeHandler = new MetricsHandler(registry);
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    if ("HEAD".equals(exchange.getRequestMethod())) {
      // HEAD is for reachability checks: no scrape
      exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    if (!scrapes.tryAcquire()) {
      Responses.send(exchange, 503, Responses.TEXT, "too many concurrent scrapes\n");
      return;
    }
    try {
      scrapeHandler.handle(exchange);
    } finally {
      scrapes.release();
    }
  }
}
