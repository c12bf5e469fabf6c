package dev.brokerwatch.compiler.emit;

import java.util.Map;

/** The head every emitted Kubernetes object shares: apiVersion, kind and metadata from the options. */
final class KubernetesResource {
    private KubernetesResource() {
    }

    static Map<String, Object> start(String apiVersion, String kind, String name, EmitOptions options) {
        Map<String, Object> resource = CanonicalYaml.map();
        resource.put("apiVersion", apiVersion);
        resource.put("kind", kind);
        Map<String, Object> metadata = CanonicalYaml.map();
        metadata.put("name", name);
        metadata.put("namespace", options.namespace());
        if (!options.labels().isEmpty()) {
            metadata.put("labels", options.labels()); // already sorted by EmitOptions
        }
        resource.put("metadata", metadata);
        return resource;
    }
}
