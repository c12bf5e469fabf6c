package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import java.util.List;
import java.util.Map;

/** Pieces shared by the emitted PodMonitors and ServiceMonitors. */
final class ScrapeMonitors {
    static final String API_VERSION = "monitoring.coreos.com/v1";
    /** The container port name (and Service port name) of the brokerwatch agent. */
    static final String AGENT_PORT_NAME = "brokerwatch";
    /** The port the documented manifests give the agent. */
    static final int AGENT_PORT = 9404;
    /** The label on the Service in front of the agents that the ServiceMonitor selects. */
    static final String AGENT_SERVICE_LABEL = "app.kubernetes.io/component";
    static final String AGENT_SERVICE_LABEL_VALUE = "brokerwatch-agent";

    private ScrapeMonitors() {
    }

    /** The pack's scrape_interval, so that Prometheus scrapes as often as the checks assume. */
    static String interval(Params params) {
        return params.value("scrape_interval").filter(v -> v instanceof ParamValue.DurationValue)
                .map(v -> ((ParamValue.DurationValue) v).text()).orElse("30s");
    }

    /** Brokers may live in any namespace; the selector and the port name keep the targets precise. */
    static Map<String, Object> anyNamespace() {
        Map<String, Object> selector = CanonicalYaml.map();
        selector.put("any", true);
        return selector;
    }

    static Map<String, Object> matchLabels(String key, String value) {
        Map<String, Object> labels = CanonicalYaml.map();
        labels.put(key, value);
        Map<String, Object> selector = CanonicalYaml.map();
        selector.put("matchLabels", labels);
        return selector;
    }

    /** One scrape endpoint of a named port, the path and the pack's label relabelling. */
    static Map<String, Object> endpoint(String port, String interval, ScrapeTargetLabels labels) {
        return endpoint(port, interval, List.of(), labels);
    }

    /** As {@link #endpoint(String, String, ScrapeTargetLabels)}, with relabellings that pick targets first. */
    static Map<String, Object> endpoint(String port, String interval, List<Map<String, Object>> filters, ScrapeTargetLabels labels) {
        Map<String, Object> endpoint = CanonicalYaml.map();
        endpoint.put("port", port);
        endpoint.put("path", "/metrics");
        endpoint.put("interval", interval);
        List<Map<String, Object>> relabelings = new java.util.ArrayList<>(filters);
        relabelings.addAll(labels.relabelings());
        if (!relabelings.isEmpty()) {
            endpoint.put("relabelings", relabelings);
        }
        return endpoint;
    }
}
