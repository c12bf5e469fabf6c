package dev.brokerwatch.compiler.health;

import dev.brokerwatch.compiler.emit.Json;
import java.util.List;

/** The cluster verdict as text for people or JSON for scripts; brokers in the order they were given. */
public final class HealthReportWriter {
    private HealthReportWriter() {
    }

    public static String text(List<BrokerHealth> brokers) {
        StringBuilder out = new StringBuilder();
        for (BrokerHealth broker : brokers) {
            out.append(broker.agent()).append("  ").append(broker.verdict()).append('\n');
            endpoint(out, "live", broker.live());
            endpoint(out, "ready", broker.ready());
        }
        long ready = brokers.stream().filter(BrokerHealth::isReady).count();
        out.append(ready).append(" of ").append(brokers.size()).append(" brokers ready").append('\n');
        return out.toString();
    }

    private static void endpoint(StringBuilder out, String name, EndpointHealth health) {
        out.append(String.format("  %-6s %s", name, health.ok() ? "UP" : health.status()));
        if (!health.reachable()) {
            out.append(": ").append(health.error()).append('\n');
            return;
        }
        if (health.httpStatus() != 200 && health.httpStatus() != 503) {
            out.append(" (HTTP ").append(health.httpStatus()).append(')');
        }
        out.append('\n');
        for (EndpointHealth.Check check : health.checks()) {
            out.append(String.format("    %s %s: %s%n", check.ok() ? "ok  " : "FAIL", check.name(), check.detail()));
        }
    }

    public static String json(List<BrokerHealth> brokers) {
        StringBuilder out = new StringBuilder("{\"ready\": ").append(brokers.stream().allMatch(BrokerHealth::isReady)).append(", \"brokers\": [");
        for (int i = 0; i < brokers.size(); i++) {
            BrokerHealth broker = brokers.get(i);
            out.append(i == 0 ? "\n  {" : ",\n  {");
            out.append("\"agent\": ").append(Json.quote(broker.agent().toString()));
            out.append(", \"verdict\": ").append(Json.quote(broker.verdict()));
            out.append(", \"live\": ");
            endpointJson(out, broker.live());
            out.append(", \"ready\": ");
            endpointJson(out, broker.ready());
            out.append('}');
        }
        return out.append(brokers.isEmpty() ? "]}\n" : "\n]}\n").toString();
    }

    private static void endpointJson(StringBuilder out, EndpointHealth health) {
        out.append("{\"ok\": ").append(health.ok()).append(", \"status\": ").append(Json.quote(health.status()));
        if (!health.reachable()) {
            out.append(", \"error\": ").append(Json.quote(health.error())).append('}');
            return;
        }
        out.append(", \"http\": ").append(health.httpStatus()).append(", \"checks\": [");
        for (int i = 0; i < health.checks().size(); i++) {
            EndpointHealth.Check check = health.checks().get(i);
            out.append(i == 0 ? "" : ", ").append("{\"name\": ").append(Json.quote(check.name())).append(", \"ok\": ").append(check.ok())
                    .append(", \"detail\": ").append(Json.quote(check.detail())).append('}');
        }
        out.append("]}");
    }
}
