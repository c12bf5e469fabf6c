package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.testing.AgentFixture;
import dev.brokerwatch.agent.testing.Beans;
import dev.brokerwatch.agent.testing.FakeAppInfo;
import dev.brokerwatch.agent.testing.FakeBroker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentHttpServerTest {
  @TempDir Path dir;
  private AgentFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void metricsDefaultToPrometheusText() throws Exception {
    fixture = AgentFixture.start(dir, null);

    HttpResponse<String> response = fixture.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("# TYPE kafka_server_replicamanager_isrshrinks_total counter\n")
        .contains("kafka_server_replicamanager_isrshrinks_total 4.0\n")
        .contains("kafka_server_replicamanager_underreplicatedpartitions 0.0\n")
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .doesNotContain("# EOF");
  }

  @Test
  void metricsNegotiateOpenMetrics() throws Exception {
    fixture = AgentFixture.start(dir, null);

    HttpResponse<String> response =
        fixture.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/openmetrics-text; version=1.0.0"));
    assertThat(response.body())
        .contains("# TYPE kafka_server_replicamanager_isrshrinks counter\n")
        .contains("kafka_server_replicamanager_isrshrinks_total 4.0\n")
        .endsWith("# EOF\n");
  }

  @Test
  void theSecondScrapeShowsTheAgentsOwnMetrics() throws Exception {
    fixture = AgentFixture.start(dir, null);
    fixture.get("/metrics");

    assertThat(fixture.get("/metrics").body()).contains("# TYPE brokerwatch_scrape_duration_seconds gauge");
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    fixture = AgentFixture.start(dir, null);

    HttpResponse<String> metrics = fixture.send("HEAD", "/metrics");
    HttpResponse<String> live = fixture.send("HEAD", "/health/live");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).isEmpty();
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).isEmpty();
  }

  @Test
  void onlyGetAndHeadAreAllowed() throws Exception {
    fixture = AgentFixture.start(dir, null);

    for (String path : new String[] {"/metrics", "/health/live", "/health/ready", "/about"}) {
      for (String method : new String[] {"POST", "PUT", "DELETE"}) {
        HttpResponse<String> response = fixture.send(method, path);
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
      }
    }
  }

  @Test
  void otherPathsAreNotFound() throws Exception {
    fixture = AgentFixture.start(dir, null);

    for (String path : new String[] {"/", "/metricsx", "/metrics/more", "/health", "/health/livez", "/favicon.ico"}) {
      assertThat(fixture.get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void aHealthyBrokerIsLiveAndReady() throws Exception {
    fixture = AgentFixture.start(dir, "ready.max-under-replicated-partitions=0\n");

    HttpResponse<String> live = fixture.get("/health/live");
    HttpResponse<String> ready = fixture.get("/health/ready");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(live.body()).isEqualTo("{\"status\":\"UP\",\"checks\":[{\"name\":\"broker_state\",\"ok\":true,\"detail\":\"RUNNING\"}]}\n");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .isEqualTo(
            "{\"status\":\"UP\",\"checks\":["
                + "{\"name\":\"broker_state\",\"ok\":true,\"detail\":\"RUNNING\"},"
                + "{\"name\":\"offline_log_dirs\",\"ok\":true,\"detail\":\"0 offline\"},"
                + "{\"name\":\"controller_known\",\"ok\":true,\"detail\":\"controller 1\"},"
                + "{\"name\":\"under_replicated_partitions\",\"ok\":true,\"detail\":\"0 (max 0)\"}]}\n");
  }

  @Test
  void aShuttingDownBrokerIsNotLive() throws Exception {
    fixture = AgentFixture.startEmpty(dir);
    new FakeBroker().registerIn(fixture.server()).brokerState.setValue((byte) 7);

    HttpResponse<String> live = fixture.get("/health/live");

    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(live.body())
        .isEqualTo("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"broker_state\",\"ok\":false,\"detail\":\"SHUTTING_DOWN\"}]}\n");
  }

  @Test
  void anOfflineLogDirectoryIsNotReady() throws Exception {
    fixture = AgentFixture.startEmpty(dir);
    new FakeBroker().registerIn(fixture.server()).offlineLogDirectories.setValue(1);

    HttpResponse<String> ready = fixture.get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body())
        .isEqualTo(
            "{\"status\":\"DOWN\",\"checks\":["
                + "{\"name\":\"broker_state\",\"ok\":true,\"detail\":\"RUNNING\"},"
                + "{\"name\":\"offline_log_dirs\",\"ok\":false,\"detail\":\"1 offline\"},"
                + "{\"name\":\"controller_known\",\"ok\":true,\"detail\":\"controller 1\"}]}\n");
    assertThat(fixture.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void aboutNamesAgentMappingAndKafka() throws Exception {
    fixture = AgentFixture.start(dir, null);
    Beans.register(fixture.server(), "kafka.server:type=app-info", new FakeAppInfo("4.1.1"));

    HttpResponse<String> about = fixture.get("/about");

    assertThat(about.statusCode()).isEqualTo(200);
    assertThat(dev.brokerwatch.agent.AgentVersion.get()).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
    assertThat(about.body())
        .isEqualTo(
            "{\"agent\":\"brokerwatch\",\"version\":\"" + dev.brokerwatch.agent.AgentVersion.get() + "\""
                + ",\"mapping\":{\"name\":\"http-test\",\"sha256\":\"" + sha256(fixture.mappingFile()) + "\""
                + ",\"source\":\"" + fixture.mappingFile() + "\",\"metrics\":3},\"kafka_version\":\"4.1.1\"}\n");
  }

  @Test
  void aboutCountsHowTheMBeansAreReadWhenAsked() throws Exception {
    fixture = AgentFixture.start(dir, null);

    // no Kafka in this JVM: nothing to read in process, the two registered MBeans through the server
    assertThat(fixture.get("/about?reads=count").body())
        .endsWith(",\"reads\":{\"in_process\":0,\"mbean_server\":2,\"in_process_source\":null}}\n");
    assertThat(fixture.get("/about").body()).doesNotContain("\"reads\"");
    HttpResponse<String> wrong = fixture.get("/about?reads=all");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).isEqualTo("reads= takes only the value count\n");
  }

  @Test
  void metricsReadThroughTheMBeanServerOnRequest() throws Exception {
    fixture = AgentFixture.start(dir, null);

    HttpResponse<String> throughServer = fixture.get("/metrics?read=jmx");
    HttpResponse<String> wrong = fixture.get("/metrics?read=yammer");

    assertThat(throughServer.statusCode()).isEqualTo(200);
    assertThat(throughServer.body())
        .contains("kafka_server_replicamanager_underreplicatedpartitions 0.0\n")
        .contains("kafka_server_replicamanager_isrshrinks_total 4.0\n");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).isEqualTo("read=yammer: the only value is 'jmx'\n");
  }

  @Test
  void aboutWithoutKafkaSaysNull() throws Exception {
    fixture = AgentFixture.startEmpty(dir);
    assertThat(fixture.get("/about").body()).contains("\"kafka_version\":null}");
  }

  private static String sha256(Path file) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
