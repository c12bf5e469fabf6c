package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import dev.brokerwatch.agent.health.HealthCheck;
import dev.brokerwatch.agent.health.HealthReport;
import java.io.IOException;

/**
 * A health report as a deterministic JSON body, 200 when UP and 503 when DOWN:
 * {@code {"status":"UP","checks":[{"name":"broker_state","ok":true,"detail":"RUNNING"}]}}.
 */
final class HealthResponse {
  private HealthResponse() {}

  static String json(HealthReport report) {
    StringBuilder body = new StringBuilder(128);
    body.append("{\"status\":").append(Json.quote(report.status())).append(",\"checks\":[");
    boolean first = true;
    for (HealthCheck check : report.checks()) {
      if (!first) {
        body.append(',');
      }
      first = false;
      body.append("{\"name\":").append(Json.quote(check.name()))
          .append(",\"ok\":").append(check.ok())
          .append(",\"detail\":").append(Json.quote(check.detail()))
          .append('}');
    }
    return body.append("]}").toString();
  }

  static void send(HttpExchange exchange, HealthReport report) throws IOException {
    Responses.send(exchange, report.ok() ? 200 : 503, Responses.JSON, json(report) + "\n");
  }
}
