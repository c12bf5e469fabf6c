package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.brokerwatch.agent.exposition.DirectExposition;
import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionFormat;
import dev.brokerwatch.agent.exposition.ReusablePool;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.ExporterFilterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * Serves an ordinary scrape with the mapped families written directly: {@link DirectExposition}
 * writes them into a reused buffer, then the client library's own writer appends every other family
 * of the registry (JVM, cgroup, the agent's own metrics) and, for OpenMetrics, the closing {@code #
 * EOF}. The mapped families come first; within each part families are sorted by name.
 *
 * <p>Only what the library would answer with exactly these bytes is served here: no query
 * parameters ({@code name[]}, {@code debug}), an Accept header for which the library picks
 * Prometheus text 0.0.4 or OpenMetrics 1.0 with an escaping scheme that leaves plain names alone,
 * and library settings that do not change how the mapped families are written. Everything else
 * goes to the library's handler, as does everything when the mapping has a family that cannot be
 * written directly. Content type and gzip follow the library's rules.
 */
final class DirectScrape {
  private static final Set<EscapingScheme> SCHEMES_KEEPING_PLAIN_NAMES =
      EnumSet.of(EscapingScheme.UNDERSCORE_ESCAPING, EscapingScheme.ALLOW_UTF8);
  private static final int GZIP_BUFFER = 64 * 1024;

  private final PrometheusRegistry registry;
  private final DirectExposition direct;
  private final ExpositionFormats formats;
  private final boolean enabled;
  private final boolean preferUncompressed;
  private final Predicate<String> libraryFamilies;
  private final ReusablePool<ExpositionBuffer> buffers;

  DirectScrape(PrometheusProperties config, PrometheusRegistry registry, DirectExposition direct, int maxConcurrent) {
    this.registry = registry;
    this.direct = direct;
    this.formats = ExpositionFormats.init(config);
    this.enabled = direct.directlyWritable() && settingsKeepOutputAsIs(config);
    this.preferUncompressed = config.getExporterHttpServerProperties().isPreferUncompressedResponse();
    Set<String> directNames = new HashSet<>(direct.getPrometheusNames());
    this.libraryFamilies = name -> !directNames.contains(name);
    this.buffers = new ReusablePool<>(maxConcurrent, ExpositionBuffer::new);
  }

  /** Created timestamps add lines, a name filter drops families: then the library writes everything. */
  private static boolean settingsKeepOutputAsIs(PrometheusProperties config) {
    ExporterFilterProperties filter = config.getExporterFilterProperties();
    return !config.getExporterProperties().getIncludeCreatedTimestamps()
        && isEmpty(filter.getAllowedMetricNames())
        && isEmpty(filter.getExcludedMetricNames())
        && isEmpty(filter.getAllowedMetricNamePrefixes())
        && isEmpty(filter.getExcludedMetricNamePrefixes());
  }

  private static boolean isEmpty(List<String> names) {
    return names == null || names.isEmpty();
  }

  /**
   * Answers a GET and returns true; or returns false, having sent nothing, when the request is for
   * the library's handler.
   */
  boolean serve(HttpExchange exchange) throws IOException {
    if (!enabled) {
      return false;
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null && !query.isEmpty()) {
      return false;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    ExpositionFormatWriter writer;
    EscapingScheme scheme;
    try {
      writer = formats.findWriter(accept);
      scheme = EscapingScheme.fromAcceptHeader(accept, EscapingScheme.DEFAULT);
    } catch (RuntimeException e) {
      // an Accept header the library cannot parse: let it answer as it always did
      return false;
    }
    ExpositionFormat format = formatOf(writer);
    if (format == null || !SCHEMES_KEEPING_PLAIN_NAMES.contains(scheme)) {
      return false;
    }
    ExpositionBuffer buffer = buffers.take();
    try {
      buffer.reset();
      direct.writeTo(buffer, format);
      writer.write(buffer, registry.scrape(libraryFamilies), scheme);
      send(exchange, writer.getContentType(), buffer, wantsGzip(exchange.getRequestHeaders()));
    } finally {
      buffer.releaseExcess();
      buffers.give(buffer);
    }
    return true;
  }

  /** The format of one of the library's two text writers, or null for any other writer (protobuf, OpenMetrics 2). */
  private static ExpositionFormat formatOf(ExpositionFormatWriter writer) {
    if (writer.getClass() == PrometheusTextFormatWriter.class) {
      return ExpositionFormat.PROMETHEUS_TEXT;
    }
    if (writer.getClass() == OpenMetricsTextFormatWriter.class) {
      return ExpositionFormat.OPENMETRICS;
    }
    return null;
  }

  /** As the library decides: any Accept-Encoding entry that is exactly "gzip", unless uncompressed is preferred. */
  private boolean wantsGzip(Headers requestHeaders) {
    if (preferUncompressed) {
      return false;
    }
    List<String> values = requestHeaders.get("Accept-Encoding");
    if (values == null) {
      return false;
    }
    for (String value : values) {
      for (String encoding : value.split(",")) {
        if (encoding.trim().equalsIgnoreCase("gzip")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void send(HttpExchange exchange, String contentType, ExpositionBuffer buffer, boolean gzip)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    if (gzip) {
      headers.set("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream body = new GZIPOutputStream(exchange.getResponseBody(), GZIP_BUFFER)) {
        buffer.writeTo(body);
      }
      return;
    }
    exchange.sendResponseHeaders(200, buffer.size() > 0 ? buffer.size() : -1);
    try (OutputStream body = exchange.getResponseBody()) {
      buffer.writeTo(body);
    }
  }
}
