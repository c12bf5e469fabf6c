package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import dev.brokerwatch.agent.health.BrokerHealthProbe;
import java.io.IOException;

/** {@code /health/live}: 200 while the broker answers and is not shutting down, else 503. */
public final class LiveHandler extends GetOnlyHandler {
  public static final String PATH = "/health/live";

  private final BrokerHealthProbe probe;

  public LiveHandler(BrokerHealthProbe probe) {
    super(PATH);
    this.probe = probe;
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    HealthResponse.send(exchange, probe.live());
  }
}
