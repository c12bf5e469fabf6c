package dev.brokerwatch.harness.proof;

import java.util.Map;
import java.util.TreeMap;

import dev.brokerwatch.harness.PrometheusServer;

/** An alert expected in Prometheus's {@code /api/v1/alerts}: its name and labels it must carry (a subset). */
public record Expectation(String alert, Map<String, String> labels) {
    public Expectation {
        labels = Map.copyOf(labels);
    }

    public static Expectation of(String alert, Map<String, String> labels) {
        return new Expectation(alert, labels);
    }

    public static Expectation of(String alert, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in pairs: " + String.join(",", keyValues));
        }
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Expectation(alert, m);
    }

    public boolean matches(PrometheusServer.Alert a) {
        if (!alert.equals(a.name())) {
            return false;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!e.getValue().equals(a.labels().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return alert + new TreeMap<>(labels);
    }
}
