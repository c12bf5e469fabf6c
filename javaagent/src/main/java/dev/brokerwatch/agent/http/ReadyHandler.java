package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import dev.brokerwatch.agent.health.BrokerHealthProbe;
import java.io.IOException;

/** {@code /health/ready}: 200 only when every readiness check passes, else 503. */
public final class ReadyHandler extends GetOnlyHandler {
  public static final String PATH = "/health/ready";

  private final BrokerHealthProbe probe;

  public ReadyHandler(BrokerHealthProbe probe) {
    super(PATH);
    this.probe = probe;
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    HealthResponse.send(exchange, probe.ready());
  }
}
