package dev.brokerwatch.agent;

import dev.brokerwatch.agent.http.AgentHttpServer;
import dev.brokerwatch.agent.jmx.KafkaJmxCollector;
import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.self.ScrapeErrors;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** A started agent: what it serves and how to stop it (tests and dynamic attach). */
public final class RunningAgent implements AutoCloseable {
  private final Mapping mapping;
  private final PrometheusRegistry registry;
  private final KafkaJmxCollector jmx;
  private final ScrapeErrors errors;
  private final AgentHttpServer http;

  RunningAgent(
      Mapping mapping, PrometheusRegistry registry, KafkaJmxCollector jmx, ScrapeErrors errors, AgentHttpServer http) {
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
