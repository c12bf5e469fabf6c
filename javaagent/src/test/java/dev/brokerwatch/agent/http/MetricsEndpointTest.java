package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.testing.AgentFixture;
import dev.brokerwatch.agent.testing.Beans;
import dev.brokerwatch.agent.testing.CountingGauge;
import dev.brokerwatch.agent.testing.ExpositionFamilies;
import dev.brokerwatch.agent.testing.LibraryMetricsServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} writes the mapped families itself for ordinary scrapes and has the client
 * library's writers write every other request; either way a client gets what the library's own
 * handler gives, except that protobuf (not included) is negotiated to a text format.
 */
class MetricsEndpointTest {
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  /** What Prometheus 3 sends by default. */
  private static final String PROMETHEUS_3_ACCEPT =
      "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
          + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
          + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
  private static final String MAPPED = "kafka_";

  @TempDir Path dir;
  private AgentFixture fixture;
  private LibraryMetricsServer library;

  @AfterEach
  void stop() {
    if (library != null) {
      library.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void anOrdinaryScrapeWritesTheMappedFamiliesAheadOfTheLibrarysOwn() throws Exception {
    start();

    HttpResponse<String> response = fixture.get("/metrics");

    String mapped =
        "# HELP kafka_server_replicamanager_isrshrinks_total ISR shrinks\n"
            + "# TYPE kafka_server_replicamanager_isrshrinks_total counter\n"
            + "kafka_server_replicamanager_isrshrinks_total 4.0\n"
            + "# HELP kafka_server_replicamanager_underreplicatedpartitions Under-replicated partitions\n"
            + "# TYPE kafka_server_replicamanager_underreplicatedpartitions gauge\n"
            + "kafka_server_replicamanager_underreplicatedpartitions 0.0\n";
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).startsWith(mapped);
    assertThat(response.body().substring(mapped.length()))
        .contains("# TYPE brokerwatch_scrape_duration_seconds gauge\n", "# TYPE jvm_memory_used_bytes gauge\n")
        .doesNotContain("kafka_", "# EOF");
  }

  @Test
  void anOrdinaryScrapeReadsEachMappedMBeanOnce() throws Exception {
    start();
    CountingGauge gauge = new CountingGauge();
    Beans.register(fixture.server(), "kafka.server:type=Slow", gauge);

    String body = fixture.get("/metrics").body();

    assertThat(body).contains("kafka_server_slow 1.0\n");
    assertThat(gauge.reads()).as("not read again for the library's part of the response").isEqualTo(1);
  }

  @Test
  void theMappedFamiliesAreTheBytesTheLibraryWritesInPrometheusText() throws Exception {
    start();

    Map<String, String> direct = ExpositionFamilies.of(fixture.get("/metrics").body());
    Map<String, String> reference = ExpositionFamilies.of(library.get("/metrics").body());

    assertThat(stable(direct.keySet())).as("the same families, each once").containsExactlyInAnyOrderElementsOf(stable(reference.keySet()));
    assertThat(ExpositionFamilies.namesStartingWith(direct, MAPPED)).isNotEmpty();
    for (String name : ExpositionFamilies.namesStartingWith(direct, MAPPED)) {
      assertThat(direct.get(name)).as(name).isEqualTo(reference.get(name));
    }
  }

  @Test
  void theMappedFamiliesAreTheBytesTheLibraryWritesInOpenMetrics() throws Exception {
    start();

    String body = fixture.get("/metrics", "Accept", OPENMETRICS).body();
    Map<String, String> direct = ExpositionFamilies.of(body);
    Map<String, String> reference = ExpositionFamilies.of(library.get("/metrics", "Accept", OPENMETRICS).body());

    assertThat(stable(direct.keySet())).containsExactlyInAnyOrderElementsOf(stable(reference.keySet()));
    for (String name : ExpositionFamilies.namesStartingWith(direct, MAPPED)) {
      assertThat(direct.get(name)).as(name).isEqualTo(reference.get(name));
    }
    assertThat(body).as("one # EOF, at the end").endsWith("\n# EOF\n");
    assertThat(body.indexOf("# EOF")).isEqualTo(body.length() - "# EOF\n".length());
  }

  @Test
  void prometheus3sAcceptHeaderGetsOpenMetricsWrittenDirectly() throws Exception {
    start();

    HttpResponse<String> response = fixture.get("/metrics", "Accept", PROMETHEUS_3_ACCEPT);

    assertThat(response.headers().firstValue("Content-Type")).hasValue(OPENMETRICS);
    assertThat(response.body())
        .as("allow-utf-8 leaves plain names as they are")
        .startsWith("# TYPE kafka_server_replicamanager_isrshrinks counter\n")
        .endsWith("# EOF\n");
  }

  @Test
  void gzipIsUsedWhenTheClientAsksForIt() throws Exception {
    start();

    for (String accept : new String[] {"text/plain", OPENMETRICS}) {
      HttpResponse<byte[]> response = fixture.getBytes("/metrics", "Accept", accept, "Accept-Encoding", "br, GZIP");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Encoding")).as(accept).hasValue("gzip");
      String body = gunzip(response.body());
      assertThat(body).as(accept).contains("kafka_server_replicamanager_isrshrinks_total 4.0\n").contains("jvm_memory_used_bytes");
      assertThat(stable(ExpositionFamilies.of(body).keySet()))
          .containsExactlyInAnyOrderElementsOf(stable(ExpositionFamilies.of(library.get("/metrics", "Accept", accept).body()).keySet()));
    }
  }

  @Test
  void withoutAcceptEncodingTheBodyIsPlain() throws Exception {
    start();

    HttpResponse<byte[]> response = fixture.getBytes("/metrics");

    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
  }

  @Test
  void aNameFilterIsWrittenAsTheLibraryWouldWriteIt() throws Exception {
    start();
    String path = "/metrics?name[]=kafka_server_replicamanager_underreplicatedpartitions";

    HttpResponse<String> response = fixture.get(path);

    assertThat(response.body())
        .isEqualTo(library.get(path).body())
        .isEqualTo(
            "# HELP kafka_server_replicamanager_underreplicatedpartitions Under-replicated partitions\n"
                + "# TYPE kafka_server_replicamanager_underreplicatedpartitions gauge\n"
                + "kafka_server_replicamanager_underreplicatedpartitions 0.0\n");
  }

  @Test
  void aDebugParameterIsAnsweredAsTheLibraryWould() throws Exception {
    start();

    HttpResponse<String> response = fixture.get("/metrics?debug=openmetrics");
    HttpResponse<String> reference = library.get("/metrics?debug=openmetrics");

    assertThat(response.statusCode()).isEqualTo(reference.statusCode());
    assertThat(response.headers().firstValue("Content-Type")).isEqualTo(reference.headers().firstValue("Content-Type"));
    assertThat(response.body()).endsWith("# EOF\n");
    assertThat(stable(ExpositionFamilies.of(response.body()).keySet()))
        .containsExactlyInAnyOrderElementsOf(stable(ExpositionFamilies.of(reference.body()).keySet()));
  }

  @Test
  void anEscapingSchemeThatRenamesIsWrittenAsTheLibraryWouldWriteIt() throws Exception {
    start();
    String accept = "text/plain; version=1.0.0; escaping=dots";

    Map<String, String> families = ExpositionFamilies.of(fixture.get("/metrics", "Accept", accept).body());
    Map<String, String> reference = ExpositionFamilies.of(library.get("/metrics", "Accept", accept).body());

    assertThat(stable(families.keySet())).containsExactlyInAnyOrderElementsOf(stable(reference.keySet()));
    for (String name : ExpositionFamilies.namesStartingWith(reference, "kafka")) {
      assertThat(families.get(name)).as(name).isEqualTo(reference.get(name));
    }
  }

  @Test
  void aRequestPreferringProtobufGetsOpenMetricsWhenItAcceptsThat() throws Exception {
    start();
    String accept =
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.8,"
            + "application/openmetrics-text;version=1.0.0;q=0.6,text/plain;version=0.0.4;q=0.3";

    HttpResponse<String> response = fixture.get("/metrics", "Accept", accept);

    assertThat(response.statusCode()).as("protobuf is not included: negotiated to a text format").isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(OPENMETRICS);
    assertThat(response.body()).contains("kafka_server_replicamanager_isrshrinks_total 4.0\n").endsWith("# EOF\n");
  }

  @Test
  void aRequestForProtobufOnlyGetsPrometheusText() throws Exception {
    start();
    String accept = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    HttpResponse<String> response = fixture.get("/metrics", "Accept", accept);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("kafka_server_replicamanager_isrshrinks_total 4.0\n");
  }

  @Test
  void theProtobufDebugViewIsAClientErrorThatSaysWhatIsAvailable() throws Exception {
    start();

    HttpResponse<String> response = fixture.get("/metrics?debug=prometheus-protobuf");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("debug=prometheus-protobuf: valid values are 'text' and 'openmetrics'\n");
  }

  @Test
  void scrapesOneAfterTheOtherEachReadTheMBeans() throws Exception {
    start();
    CountingGauge gauge = new CountingGauge();
    Beans.register(fixture.server(), "kafka.server:type=Slow", gauge);

    fixture.get("/metrics");
    fixture.get("/metrics", "Accept", OPENMETRICS);

    assertThat(gauge.reads()).as("a finished collection is never reused: no stale values").isEqualTo(2);
  }

  private void start() throws Exception {
    fixture = AgentFixture.start(dir, null);
    library = new LibraryMetricsServer(fixture.agent().registry());
    // both see the agent's own metrics of a previous scrape
    fixture.get("/metrics");
  }

  /** Family names without those that appear only once the JVM has collected garbage, between two scrapes or not. */
  private static Set<String> stable(Set<String> names) {
    Set<String> kept = new TreeSet<>(names);
    kept.remove("jvm_memory_pool_allocated_bytes");
    return kept;
  }

  private static String gunzip(byte[] compressed) throws Exception {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
