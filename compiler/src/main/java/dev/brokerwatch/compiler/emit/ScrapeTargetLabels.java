package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relabelling that gives scraped series the labels the pack's expressions group by: every label of the
 * params {@code target_labels} and {@code broker_labels} that Kubernetes service discovery knows is copied
 * from its {@code __meta_kubernetes_*} source. Prometheus itself sets {@code job} and {@code instance}; any
 * other label (say {@code cluster}) cannot come from discovery and is named in the file's header instead.
 */
final class ScrapeTargetLabels {
    /** Where a label comes from on a pod target; a ServiceMonitor's targets also know their service. */
    private static final Map<String, String> POD_SOURCES = Map.of(
            "namespace", "__meta_kubernetes_namespace",
            "pod", "__meta_kubernetes_pod_name",
            "node", "__meta_kubernetes_pod_node_name",
            "container", "__meta_kubernetes_pod_container_name");
    private static final String SERVICE_SOURCE = "__meta_kubernetes_service_name";
    private static final Set<String> SET_BY_PROMETHEUS = Set.of("job", "instance");

    enum Role { POD, SERVICE }

    private final List<String> labels;
    private final Role role;

    private ScrapeTargetLabels(List<String> labels, Role role) {
        this.labels = labels;
        this.role = role;
    }

    static ScrapeTargetLabels of(Params params, Role role) {
        Set<String> labels = new LinkedHashSet<>(params.targetLabels());
        params.value("broker_labels").filter(v -> v instanceof ParamValue.LabelsValue)
                .ifPresent(v -> labels.addAll(((ParamValue.LabelsValue) v).labels()));
        return new ScrapeTargetLabels(List.copyOf(labels), role);
    }

    /** One {@code replace} relabelling per label discovery can supply, in the params' order. */
    List<Map<String, Object>> relabelings() {
        List<Map<String, Object>> relabelings = new ArrayList<>();
        for (String label : labels) {
            String source = source(label);
            if (source == null) {
                continue;
            }
            Map<String, Object> relabeling = CanonicalYaml.map();
            relabeling.put("action", "replace");
            relabeling.put("sourceLabels", List.of(source));
            relabeling.put("targetLabel", label);
            relabelings.add(relabeling);
        }
        return relabelings;
    }

    /** Labels of the pack that neither Prometheus nor this relabelling sets. */
    List<String> unsupplied() {
        return labels.stream().filter(l -> !SET_BY_PROMETHEUS.contains(l) && source(l) == null).toList();
    }

    /** Header lines that say which labels come from where, for the person reading the file. */
    List<String> header() {
        List<String> lines = new ArrayList<>();
        lines.add("Labels of the pack (params target_labels, broker_labels): " + String.join(", ", labels) + ".");
        List<String> missing = unsupplied();
        if (!missing.isEmpty()) {
            lines.add("Not from service discovery, so set them elsewhere (e.g. Prometheus externalLabels): "
                    + String.join(", ", missing) + ".");
        }
        return lines;
    }

    private String source(String label) {
        if (role == Role.SERVICE && label.equals("service")) {
            return SERVICE_SOURCE;
        }
        return POD_SOURCES.get(label);
    }
}
