package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.dsl.source.Span;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of a jmx_exporter config's {@code rules}, as the stock agent 1.0.1 reads it: the pattern compiled the
 * way it compiles it ({@code ^.*(?:PATTERN).*$}, java.util.regex), name/value/labels/help templates, the type
 * ({@code UNTYPED} read as {@code UNKNOWN}), and where each part is in the YAML. {@code index} is 0-based;
 * {@code number} is 1-based as people count.
 */
public record ExporterRule(int index, Span span, String patternText, Span patternSpan, Pattern pattern,
                           String name, Span nameSpan, String value, double valueFactor, String type, Span typeSpan,
                           String help, Map<String, String> labels, Span labelsSpan, boolean attrNameSnakeCase, boolean cache) {
    public ExporterRule {
        labels = Map.copyOf(labels);
    }

    public int number() {
        return index + 1;
    }

    /** Where a finding about the rule points: its pattern, else the rule. */
    public Span anchor() {
        return patternSpan != null ? patternSpan : span;
    }

    /** "rule 3 (line 12)": how messages name a rule. */
    public String label() {
        return "rule " + number() + " (line " + span.line() + ")";
    }
}
