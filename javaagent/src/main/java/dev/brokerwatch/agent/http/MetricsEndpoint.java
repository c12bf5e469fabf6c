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
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics}. Every scrape renders a {@link ScrapeCollection} shared through {@link
 * SharedCollection}: scrapes that arrive together cost one pass over the MBeans, whatever formats
 * they ask for, and none is turned away. Ordinary scrapes that share a collection and ask for the
 * same format also share its encoding: it is written once and sent to each of them.
 *
 * <p>An ordinary scrape (Prometheus text 0.0.4 or OpenMetrics 1.0 with an escaping that leaves plain
 * names alone, no {@code name[]} or {@code debug}, library settings that keep the output as is) has
 * the mapped families written directly from the reading, byte for byte as the library's writers
 * would, and the library's writer appends the other families. Every other request is written by the
 * library's writers from snapshots of the same collection. The format follows the library's
 * negotiation, except that a request for protobuf, which this agent does not include, gets
 * OpenMetrics when it accepts that and Prometheus text otherwise. Gzip follows the library's rules.
 *
 * <p>{@code read=jmx} makes a collection of its own that reads every MBean through the MBean server
 * (none in process), written the same way: for comparing the two read paths. It is not shared, so it
 * costs a pass of its own, like a scrape in a row with nobody else.
 */
public final class MetricsEndpoint extends GetOnlyHandler {
  public static final String PATH = "/metrics";

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Set<EscapingScheme> SCHEMES_KEEPING_PLAIN_NAMES =
      EnumSet.of(EscapingScheme.UNDERSCORE_ESCAPING, EscapingScheme.ALLOW_UTF8);
  private static final int GZIP_BUFFER = 64 * 1024;

  private final DirectExposition direct;
  private final boolean directAllowed;
  private final ExpositionFormats formats;
  private final Predicate<String> configFilter;
  private final boolean preferUncompressed;
  private final PrometheusRegistry registry;
  private final SharedCollection collections;
  private final ReusablePool<ExpositionBuffer> buffers;

  /**
   * @param direct families of {@code registry} that ordinary scrapes write directly; null to write
   *     everything from the library's snapshots
   * @param concurrency how many requests may be served at once (buffers kept for reuse)
   */
  public MetricsEndpoint(
      PrometheusProperties config, PrometheusRegistry registry, DirectExposition direct, int concurrency) {
    super(PATH);
    this.direct = direct;
    this.formats = ExpositionFormats.init(config);
    this.configFilter = nameFilter(config.getExporterFilterProperties());
    this.directAllowed =
        direct != null
            && direct.directlyWritable()
            && configFilter == null
            && !config.getExporterProperties().getIncludeCreatedTimestamps();
    this.preferUncompressed = config.getExporterHttpServerProperties().isPreferUncompressedResponse();
    this.registry = registry;
    this.collections = new SharedCollection(() -> ScrapeCollection.collect(registry, direct));
    this.buffers = new ReusablePool<>(concurrency, ExpositionBuffer::new);
  }

  public MetricsEndpoint(PrometheusRegistry registry, DirectExposition direct) {
    this(PrometheusProperties.get(), registry, direct, AgentHttpServer.THREADS);
  }

  /** Number of collections (passes over the MBeans) made so far. */
  public long collections() {
    return collections.collections();
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    if ("HEAD".equals(exchange.getRequestMethod())) {
      // HEAD is for reachability checks: no scrape
      exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    QueryParameters query;
    try {
      query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    } catch (IllegalArgumentException e) {
      Responses.send(exchange, 400, Responses.TEXT, "invalid query parameters\n");
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    ExpositionFormatWriter writer;
    EscapingScheme scheme;
    try {
      writer = negotiate(accept);
      scheme = EscapingScheme.fromAcceptHeader(accept);
    } catch (RuntimeException e) {
      Responses.send(exchange, 400, Responses.TEXT, "cannot read the Accept header\n");
      return;
    }
    String read = query.first("read");
    if (read != null && !read.equals("jmx")) {
      Responses.send(exchange, 400, Responses.TEXT, "read=" + read + ": the only value is 'jmx'\n");
      return;
    }
    String debug = query.first("debug");
    String contentType = writer.getContentType();
    if (debug != null) {
      writer = debugWriter(debug);
      if (writer == null) {
        Responses.send(
            exchange, 400, Responses.TEXT, "debug=" + debug + ": valid values are 'text' and 'openmetrics'\n");
        return;
      }
      contentType = Responses.TEXT;
    }
    List<String> names = query.all("name[]");
    Predicate<String> filter = combine(names, configFilter);
    ExpositionFormat directFormat =
        directAllowed && debug == null && filter == null && SCHEMES_KEEPING_PLAIN_NAMES.contains(scheme)
            ? formatOf(writer)
            : null;

    boolean gzip = debug == null && wantsGzip(exchange.getRequestHeaders());
    if (read == null && directFormat != null) {
      // an ordinary scrape: the collection's answer in this format is written once and sent to every
      // scrape that shares the collection, which stays open until this one is sent
      SharedCollection.Share share;
      ExpositionBuffer body;
      try (ExchangeDeadlines.Pause waitingForTheBroker = ExchangeDeadlines.pause()) {
        share = collections.join();
        try {
          body = rendered(share.collection(), writer, scheme, directFormat);
        } catch (IOException | RuntimeException | Error e) {
          share.close();
          throw e;
        }
      }
      try (SharedCollection.Share sending = share) {
        send(exchange, contentType, body, gzip);
      }
      return;
    }
    ExpositionBuffer buffer = buffers.take();
    try {
      buffer.reset();
      if (read != null) {
        try (ExchangeDeadlines.Pause waitingForTheBroker = ExchangeDeadlines.pause();
            ScrapeCollection collection = ScrapeCollection.collect(registry, direct, true)) {
          write(collection, buffer, writer, scheme, directFormat, filter);
        }
      } else {
        try (ExchangeDeadlines.Pause waitingForTheBroker = ExchangeDeadlines.pause();
            SharedCollection.Share share = collections.join()) {
          write(share.collection(), buffer, writer, scheme, directFormat, filter);
        }
      }
      send(exchange, contentType, buffer, gzip);
    } finally {
      buffer.releaseExcess();
      buffers.give(buffer);
    }
  }

  /** The answer of {@code collection} in {@code format}, written by the first scrape that asks for it. */
  private ExpositionBuffer rendered(
      ScrapeCollection collection, ExpositionFormatWriter writer, EscapingScheme scheme, ExpositionFormat format)
      throws IOException {
    return collection.rendered(format + " " + scheme, () -> {
      ExpositionBuffer fresh = buffers.take();
      fresh.reset();
      try {
        write(collection, fresh, writer, scheme, format, null);
      } catch (IOException | RuntimeException | Error e) {
        buffers.give(fresh);
        throw e;
      }
      return fresh;
    }, buffers::give);
  }

  private void write(
      ScrapeCollection collection,
      ExpositionBuffer buffer,
      ExpositionFormatWriter writer,
      EscapingScheme scheme,
      ExpositionFormat directFormat,
      Predicate<String> filter)
      throws IOException {
    if (directFormat != null) {
      direct.writeTo(collection.reading(), buffer, directFormat);
      writer.write(buffer, collection.others(), scheme);
    } else {
      writer.write(buffer, filter == null ? collection.all() : filtered(collection.all(), filter), scheme);
    }
  }

  /** The library's choice, with protobuf (not included) replaced by a text format the client accepts. */
  private ExpositionFormatWriter negotiate(String accept) {
    ExpositionFormatWriter writer = formats.findWriter(accept);
    if (writer.isAvailable()) {
      return writer;
    }
    OpenMetricsTextFormatWriter openMetrics = formats.getOpenMetricsTextFormatWriter();
    return openMetrics.accepts(accept) ? openMetrics : formats.getPrometheusTextFormatWriter();
  }

  private ExpositionFormatWriter debugWriter(String debug) {
    switch (debug) {
      case "text":
        return formats.getPrometheusTextFormatWriter();
      case "openmetrics":
        return formats.getOpenMetricsTextFormatWriter();
      default:
        return null;
    }
  }

  /** The format of one of the library's two text writers, or null for any other writer (OpenMetrics 2). */
  private static ExpositionFormat formatOf(ExpositionFormatWriter writer) {
    if (writer.getClass() == PrometheusTextFormatWriter.class) {
      return ExpositionFormat.PROMETHEUS_TEXT;
    }
    if (writer.getClass() == OpenMetricsTextFormatWriter.class) {
      return ExpositionFormat.OPENMETRICS;
    }
    return null;
  }

  /** The settings' name filter, as the library's handler makes it; null when there is none. */
  private static Predicate<String> nameFilter(ExporterFilterProperties filter) {
    if (filter.getAllowedMetricNames() == null
        && filter.getExcludedMetricNames() == null
        && filter.getAllowedMetricNamePrefixes() == null
        && filter.getExcludedMetricNamePrefixes() == null) {
      return null;
    }
    return MetricNameFilter.builder()
        .nameMustBeEqualTo(filter.getAllowedMetricNames())
        .nameMustNotBeEqualTo(filter.getExcludedMetricNames())
        .nameMustStartWith(filter.getAllowedMetricNamePrefixes())
        .nameMustNotStartWith(filter.getExcludedMetricNamePrefixes())
        .build();
  }

  private static Predicate<String> combine(List<String> names, Predicate<String> configFilter) {
    if (names.isEmpty()) {
      return configFilter;
    }
    Predicate<String> requested = MetricNameFilter.builder().nameMustBeEqualTo(names).build();
    return configFilter == null ? requested : requested.and(configFilter);
  }

  private static MetricSnapshots filtered(MetricSnapshots snapshots, Predicate<String> filter) {
    List<MetricSnapshot> kept = new ArrayList<>();
    for (MetricSnapshot snapshot : snapshots) {
      if (filter.test(snapshot.getMetadata().getPrometheusName())) {
        kept.add(snapshot);
      }
    }
    return new MetricSnapshots(kept);
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
