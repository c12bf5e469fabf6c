package dev.brokerwatch.agent.testing;

import dev.brokerwatch.agent.BrokerwatchAgent;
import dev.brokerwatch.agent.RunningAgent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/** An agent started on 127.0.0.1 and an ephemeral port against a private MBean server. */
public final class AgentFixture implements AutoCloseable {
  public static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name http-test\n"
          + "metric kafka_server_replicamanager_underreplicatedpartitions gauge\n"
          + "  help Under-replicated partitions\n"
          + "  jmx kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions\n"
          + "    attribute Value\n"
          + "metric kafka_server_replicamanager_isrshrinks_total counter\n"
          + "  help ISR shrinks\n"
          + "  jmx kafka.server:type=ReplicaManager,name=IsrShrinksPerSec\n"
          + "    attribute Count\n"
          + "metric kafka_server_slow gauge\n"
          + "  help A gauge that can be made to block\n"
          + "  jmx kafka.server:type=Slow\n"
          + "    attribute Value\n";

  private final MBeanServer server = MBeanServerFactory.newMBeanServer();
  private final Path mappingFile;
  private final RunningAgent agent;
  private final HttpClient client;
  private final String scheme;

  private AgentFixture(Path dir, String config, HttpClient client, String scheme, boolean registerBroker) throws Exception {
    this(dir, MAPPING, config, client, scheme, registerBroker);
  }

  private AgentFixture(
      Path dir, String mapping, String config, HttpClient client, String scheme, boolean registerBroker)
      throws Exception {
    if (registerBroker) {
      new FakeBroker().registerIn(server);
      Beans.register(server, "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec", new FakeMeter(4, 0.1));
    }
    this.mappingFile = dir.resolve("http-test.mapping");
    Files.write(mappingFile, mapping.getBytes(StandardCharsets.UTF_8));
    String arguments = "127.0.0.1:0:" + mappingFile;
    if (config != null) {
      Path configFile = dir.resolve("agent.properties");
      Files.write(configFile, config.getBytes(StandardCharsets.ISO_8859_1));
      arguments += ":config=" + configFile;
    }
    this.agent = BrokerwatchAgent.start(arguments, server);
    this.client = client;
    this.scheme = scheme;
  }

  /** Plain HTTP, a healthy fake broker, default settings unless {@code config} is given. */
  public static AgentFixture start(Path dir, String config) throws Exception {
    return new AgentFixture(dir, config, defaultClient(), "http", true);
  }

  /** As {@link #start}, with {@code mapping} instead of {@link #MAPPING}. */
  public static AgentFixture startWithMapping(Path dir, String mapping, String config) throws Exception {
    return new AgentFixture(dir, mapping, config, defaultClient(), "http", true);
  }

  /** As {@link #start}, but with no broker MBeans registered. */
  public static AgentFixture startEmpty(Path dir) throws Exception {
    return new AgentFixture(dir, null, defaultClient(), "http", false);
  }

  /** HTTPS with a client of the caller's making. */
  public static AgentFixture startTls(Path dir, String config, HttpClient client) throws Exception {
    return new AgentFixture(dir, config, client, "https", true);
  }

  public static HttpClient defaultClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public MBeanServer server() {
    return server;
  }

  public RunningAgent agent() {
    return agent;
  }

  public Path mappingFile() {
    return mappingFile;
  }

  public URI uri(String path) {
    return URI.create(scheme + "://127.0.0.1:" + agent.port() + path);
  }

  public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).GET().build());
  }

  /** A GET whose body is kept as bytes (for gzip). */
  public HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
    return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    agent.close();
  }
}
