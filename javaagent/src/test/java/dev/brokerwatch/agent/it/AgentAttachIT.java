package dev.brokerwatch.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a child JVM with {@code -javaagent:target/brokerwatch-agent.jar=...} and scrapes it over loopback. */
class AgentAttachIT {
  private static final String NO_KAFKA_REGISTRY =
      "brokerwatch: reading every metric through the MBean server: "
          + "no class org.apache.kafka.server.metrics.KafkaYammerMetrics in this JVM";

  private static final Path AGENT_JAR = Paths.get(System.getProperty("brokerwatch.agent.jar", "target/brokerwatch-agent.jar"));
  private static final String TEST_CLASSES = System.getProperty("brokerwatch.test.classes", "target/test-classes");

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theEmbeddedMappingIsServedFromARunningJvm() throws Exception {
    int port = freePort();
    Process child = startChild("127.0.0.1:" + port, "wait");
    long pid = child.pid();
    try {
      HttpResponse<String> ready = waitForReady(port, child);
      assertThat(ready.body()).startsWith("{\"status\":\"UP\"");

      HttpResponse<String> text = get(port, "/metrics", "Accept", "text/plain");
      assertThat(text.statusCode()).isEqualTo(200);
      assertThat(text.body())
          .contains("kafka_server_kafkaserver_brokerstate 3.0\n")
          .contains("kafka_server_replicamanager_underreplicatedpartitions 0.0\n")
          .contains("kafka_server_replicamanager_isrshrinks_total 3.0\n")
          .contains("kafka_log_log_size{partition=\"0\",topic=\"orders\"} 4096.0\n")
          .contains("kafka_network_requestmetrics_totaltimems{request=\"Produce\",quantile=\"0.99\"} 9.0\n")
          .contains("kafka_network_requestmetrics_totaltimems_count{request=\"Produce\"} 8\n")
          .contains("jvm_memory_used_bytes{area=\"heap\"}");

      HttpResponse<String> openMetrics = get(port, "/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
      assertThat(openMetrics.body()).endsWith("# EOF\n");

      assertThat(get(port, "/about").body())
          .contains("\"mapping\":{\"name\":\"kafka-default\"")
          .contains("\"kafka_version\":\"4.1.1\"");
      assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
    } finally {
      stop(pid);
    }
    assertThat(Files.readAllLines(dir.resolve("stderr.txt")))
        .as("no Kafka in this JVM: the one line that says the metrics are read through the MBean server")
        .containsExactly(NO_KAFKA_REGISTRY);
  }

  @Test
  void aBrokenMappingPrintsOneLineAndTheJvmRunsOn() throws Exception {
    Path mapping = dir.resolve("broken.mapping");
    Files.write(mapping, "brokerwatch-mapping 1\nmetric a gauge\n  jmx kafka.server:type=X\n".getBytes(StandardCharsets.UTF_8));
    Process child = startChild("127.0.0.1:" + freePort() + ":" + mapping, "exit");
    long pid = child.pid();
    try {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits").isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      stop(pid);
    }
    assertThat(Files.readAllLines(dir.resolve("stderr.txt")))
        .containsExactly("brokerwatch: " + mapping + ":3: jmx source of a has no 'attribute' line");
    assertThat(Files.readAllLines(dir.resolve("stdout.txt"))).contains("smoke: main returns");
  }

  @Test
  void theClientLibrarysOwnSettingsReachTheShadedLibrary() throws Exception {
    int port = freePort();
    Process child =
        startChild("127.0.0.1:" + port, "wait", "-Dio.prometheus.exporter.filter.metricNameMustNotStartWith=jvm_");
    long pid = child.pid();
    try {
      waitForReady(port, child);

      HttpResponse<String> metrics = get(port, "/metrics");

      assertThat(metrics.body())
          .as("the library's name filter, set by its own key, applies inside the relocated jar")
          .contains("kafka_server_kafkaserver_brokerstate 3.0\n")
          .doesNotContain("jvm_");
    } finally {
      stop(pid);
    }
    assertThat(Files.readAllLines(dir.resolve("stderr.txt")))
        .as("no Kafka in this JVM: the one line that says the metrics are read through the MBean server")
        .containsExactly(NO_KAFKA_REGISTRY);
  }

  @Test
  void aMisspelledLibrarySettingPrintsOneLineAndTheJvmRunsOn() throws Exception {
    Process child =
        startChild("127.0.0.1:" + freePort(), "exit", "-Dio.prometheus.exporter.filter.metricNameMustNotStartsWith=jvm_");
    long pid = child.pid();
    try {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits").isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      stop(pid);
    }
    List<String> errors = Files.readAllLines(dir.resolve("stderr.txt"));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("brokerwatch: client library settings: ")
        .contains("io.prometheus.exporter.filter.metric_name_must_not_starts_with");
    assertThat(Files.readAllLines(dir.resolve("stdout.txt"))).contains("smoke: main returns");
  }

  @Test
  void aKeepAliveScrapeIsNotHeldBackByNagle() throws Exception {
    int port = freePort();
    Process child = startChild("127.0.0.1:" + port, "wait");
    long pid = child.pid();
    List<Long> micros = new ArrayList<>();
    try {
      waitForReady(port, child);
      get(port, "/metrics");
      // one client, one connection kept alive: every request after the first reuses it
      for (int i = 0; i < 15; i++) {
        long start = System.nanoTime();
        assertThat(get(port, "/metrics").statusCode()).isEqualTo(200);
        micros.add((System.nanoTime() - start) / 1_000);
      }
    } finally {
      stop(pid);
    }
    // a Nagle stall (a small write waiting for the client's delayed ACK, about 40 ms) holds back every response on a
    // kept-alive connection, so even the fastest would take that long; a busy machine slows some, not all
    micros.sort(null);
    assertThat(micros.get(0))
        .as("fastest keep-alive scrape in microseconds (Nagle and a delayed ACK would add about 40 ms to each): %s", micros)
        .isLessThan(25_000L);
  }

  @Test
  void theAgentDoesNotKeepTheJvmAlive() throws Exception {
    int port = freePort();
    Process child = startChild("127.0.0.1:" + port, "exit");
    long pid = child.pid();
    try {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits after main returns").isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      stop(pid);
    }
    assertThat(Files.readAllLines(dir.resolve("stderr.txt"))).isEmpty();
  }

  private Process startChild(String agentArguments, String mode, String... jvmOptions) throws IOException {
    assertThat(AGENT_JAR).as("the shaded agent jar").exists();
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(Arrays.asList(java, "-Xmx128m"));
    command.addAll(Arrays.asList(jvmOptions));
    command.addAll(
        Arrays.asList(
            "-javaagent:" + AGENT_JAR.toAbsolutePath() + "=" + agentArguments,
            "-cp",
            new File(TEST_CLASSES).getAbsolutePath(),
            SmokeMain.class.getName(),
            mode));
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
  }

  private HttpResponse<String> waitForReady(int port, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    IOException last = null;
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive()).as("child still running").isTrue();
      try {
        HttpResponse<String> ready = get(port, "/health/ready");
        if (ready.statusCode() == 200) {
          return ready;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("agent never became ready on port " + port, last);
  }

  private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Stops the child by its pid: politely, then forcibly. */
  private static void stop(long pid) throws InterruptedException {
    ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
    if (handle == null || !handle.isAlive()) {
      return;
    }
    handle.destroy();
    try {
      handle.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported by the caller's assertions, if it matters
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
