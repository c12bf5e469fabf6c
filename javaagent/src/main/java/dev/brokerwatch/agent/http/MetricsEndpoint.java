package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import dev.brokerwatch.agent.exposition.DirectExposition;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * {@code /metrics}. An ordinary scrape (Prometheus text or OpenMetrics, no query parameters) is
 * served by {@link DirectScrape}, which writes the mapped families itself; every other request goes
 * to the client library's handler, which negotiates the format from the Accept header and gzips on
 * request. Both give the same families with the same bytes. At most {@link #MAX_CONCURRENT_SCRAPES}
 * scrapes run at once; one more is answered 503 at once, so slow scrapes cannot pile up.
 */
public final class MetricsEndpoint extends GetOnlyHandler {
  public static final String PATH = "/metrics";
  public static final int MAX_CONCURRENT_SCRAPES = 2;

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final MetricsHandler scrapeHandler;
  private final DirectScrape directScrape;
  private final Semaphore scrapes = new Semaphore(MAX_CONCURRENT_SCRAPES);

  /**
   * @param direct families of {@code registry} that ordinary scrapes write directly; null to leave
   *     every request to the library
   */
  public MetricsEndpoint(PrometheusRegistry registry, DirectExposition direct) {
    super(PATH);
    PrometheusProperties config = PrometheusProperties.get();
    this.scrapeHandler = new MetricsHandler(config, registry);
    this.directScrape =
        direct == null ? null : new DirectScrape(config, registry, direct, MAX_CONCURRENT_SCRAPES);
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
      if (directScrape == null || !directScrape.serve(exchange)) {
        scrapeHandler.handle(exchange);
      }
    } finally {
      scrapes.release();
    }
  }
}
