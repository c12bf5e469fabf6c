package dev.brokerwatch.compiler.audit.exporter;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the first matching rule made of one attribute value: the rule (null when none matched), whether a sample is
 * exported (a text value without a {@code value:} template is not, nor one whose name came out empty), the family
 * name as the rule formed it (before client_java strips suffixes), the type, the labels in output order, the
 * pattern's capture groups and the text it matched.
 */
public record RuleOutcome(ExporterRule rule, boolean exported, String name, String type, LinkedHashMap<String, String> labels,
                          List<String> groups, String matchText) {
    public static RuleOutcome unmatched(String matchText) {
        return new RuleOutcome(null, false, null, null, new LinkedHashMap<>(), List.of(), matchText);
    }

    public boolean matched() {
        return rule != null;
    }
}
