package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.testing.AgentFixture;
import dev.brokerwatch.agent.testing.Beans;
import dev.brokerwatch.agent.testing.CountingGauge;
import dev.brokerwatch.agent.testing.ExpositionFamilies;
import dev.brokerwatch.agent.testing.FakeGauge;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scrapes that arrive together share one collection: N scrapers cost the broker about one pass over
 * its MBeans, whatever formats they ask for, and none of them is turned away.
 */
class ConcurrentScrapesTest {
  private static final int SCRAPERS = 8;
  private static final int PARTITIONS = 2000;
  private static final long RUN_MILLIS = 3000;
  private static final String MAPPING =
      AgentFixture.MAPPING
          + "metric kafka_log_log_size gauge\n"
          + "  help Log size\n"
          + "  jmx kafka.log:type=Log,name=Size,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n";
  /** What each scraper asks for, in turn: every format is answered from the shared collection. */
  private static final String[][] REQUESTS = {
    {"/metrics"},
    {"/metrics", "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"},
    {"/metrics", "Accept-Encoding", "gzip"},
    {"/metrics?name[]=kafka_log_log_size"},
    {"/metrics", "Accept", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"},
  };

  @TempDir Path dir;
  private AgentFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void concurrentScrapersAllGetCompleteAnswersFromFarFewerPassesOverTheMBeans() throws Exception {
    fixture = AgentFixture.startWithMapping(dir, MAPPING, null);
    for (int p = 0; p < PARTITIONS; p++) {
      Beans.register(fixture.server(), "kafka.log:type=Log,name=Size,topic=orders,partition=" + p, new FakeGauge(p));
    }
    CountingGauge passes = new CountingGauge();
    Beans.register(fixture.server(), "kafka.server:type=Slow", passes);

    AtomicInteger answered = new AtomicInteger();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    ExecutorService scrapers = Executors.newFixedThreadPool(SCRAPERS);
    List<Future<?>> running = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
    for (int s = 0; s < SCRAPERS; s++) {
      final int first = s;
      running.add(
          scrapers.submit(
              () -> {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int i = first; System.nanoTime() < end && problems.size() < 10; i++) {
                  String[] request = REQUESTS[i % REQUESTS.length];
                  String problem = scrape(client, request);
                  if (problem != null) {
                    problems.add(String.join(" ", request) + ": " + problem);
                  }
                  answered.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> scraper : running) {
      scraper.get(60, TimeUnit.SECONDS);
    }
    scrapers.shutdown();

    assertThat(problems).as("every scrape answered 200 with a complete body").isEmpty();
    assertThat(answered.get()).as("scrapes answered").isGreaterThan(4 * SCRAPERS);
    assertThat(passes.reads())
        .as("passes over the MBeans for %d scrapes", answered.get())
        .isLessThanOrEqualTo(answered.get() / 2);
    System.out.printf(
        "ConcurrentScrapesTest: %d scrapes answered by %d scrapers, %d passes over the MBeans%n",
        answered.get(), SCRAPERS, passes.reads());
  }

  /** Null when the answer is a complete scrape; otherwise what is wrong with it. */
  private String scrape(HttpClient client, String[] request) {
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.agent().port() + request[0]))
              .timeout(Duration.ofSeconds(20));
      for (int h = 1; h + 1 < request.length; h += 2) {
        builder.header(request[h], request[h + 1]);
      }
      HttpResponse<byte[]> response = client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return "status " + response.statusCode();
      }
      boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
      String body = gzip ? gunzip(response.body()) : new String(response.body(), StandardCharsets.UTF_8);
      boolean openMetrics = response.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text");
      if (openMetrics != body.endsWith("\n# EOF\n")) {
        return "OpenMetrics without # EOF, or # EOF in text";
      }
      Map<String, String> families = ExpositionFamilies.of(body);
      String sizes = families.get("kafka_log_log_size");
      if (sizes == null || sizes.split("\n").length != PARTITIONS + 2) {
        return "kafka_log_log_size incomplete";
      }
      if (!request[0].contains("name[]") && !families.containsKey("jvm_memory_used_bytes")) {
        return "no JVM metrics";
      }
      return null;
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static String gunzip(byte[] compressed) throws Exception {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
