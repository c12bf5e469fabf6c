package dev.brokerwatch.agent;

import dev.brokerwatch.agent.http.AgentHttpServer;
import dev.brokerwatch.agent.jmx.KafkaJmxCollector;
import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.self.ScrapeErrors;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A started agent: what it serves and how to stop it (tests and dynamic attach). */
public final class RunningAgent implements AutoCloseable {
  private final Mapping mapping;
  private final PrometheusRegistry registry;
  private final KafkaJmxCollector jmx;
  private final ScrapeErrors errors;
  private final AgentHttpServer http;
  private final List<String> notices;

  RunningAgent(
      Mapping mapping,
      PrometheusRegistry registry,
      KafkaJmxCollector jmx,
      ScrapeErrors errors,
      AgentHttpServer http,
      List<String> notices) {
    this.notices = Collections.unmodifiableList(new ArrayList<>(notices));
    this.mapping = mapping;
    this.registry = registry;
    this.jmx = jmx;
    this.errors = errors;
    this.http = http;
  }

  public Mapping mapping() {
    return mapping;
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public ScrapeErrors errors() {
    return errors;
  }

  /** What the start has to say although it succeeded (said once, on standard error, by the entry points). */
  public List<String> notices() {
    return notices;
  }

  /** The bound HTTP port. */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.close();
    jmx.close();
  }
}
