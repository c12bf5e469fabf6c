package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.dsl.catalog.JmxBinding;
import java.util.List;
import java.util.SortedSet;

/**
 * A family the simulated exporter exposes: the series name PromQL selects (a counter's with {@code _total}), the
 * type as exposed ({@code COUNTER}, {@code GAUGE}, {@code UNKNOWN}), the union of its label names, the rules
 * that feed it, one MBean attribute it comes from, and every MBean attribute that feeds it (generalized
 * ObjectName, attribute, and which labels carry which instance keys), which the Kafka checks read.
 */
public record ExporterFamily(String seriesName, String type, SortedSet<String> labels, List<ExporterRule> rules, String example,
                             List<JmxBinding> sources) {
    public ExporterFamily {
        sources = List.copyOf(sources);
    }
}
