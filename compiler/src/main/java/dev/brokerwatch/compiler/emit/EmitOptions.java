package dev.brokerwatch.compiler.emit;

import java.util.Map;
import java.util.TreeMap;

/**
 * Settings for emitters that write Kubernetes resources: the resource name (also the prefix of file
 * names), its namespace, and extra metadata labels (for example {@code prometheus: platform}, which a
 * Prometheus Operator's ruleSelector may require).
 */
public record EmitOptions(String name, String namespace, Map<String, String> labels) {
    public EmitOptions {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public static EmitOptions defaults() {
        return new EmitOptions("kafka", "monitoring", Map.of());
    }
}
