package dev.brokerwatch.compiler.audit.exporter;

import java.util.List;
import java.util.SortedSet;

/**
 * A family the simulated exporter exposes: the series name PromQL selects (a counter's with {@code _total}), the
 * type as exposed ({@code COUNTER}, {@code GAUGE}, {@code UNKNOWN}), the union of its label names, the rules
 * that feed it, and one MBean attribute it comes from.
 */
public record ExporterFamily(String seriesName, String type, SortedSet<String> labels, List<ExporterRule> rules, String example) {
}
