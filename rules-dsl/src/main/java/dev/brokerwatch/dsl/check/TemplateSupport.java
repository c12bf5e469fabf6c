package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Where an alert's templates are: summary, description, runbook, other annotations and label values. */
final class TemplateSupport {
    private TemplateSupport() {
    }

    static List<StringLit> templates(AlertRule alert) {
        List<StringLit> out = new ArrayList<>();
        if (alert.summary() != null) {
            out.add(alert.summary());
        }
        if (alert.description() != null) {
            out.add(alert.description());
        }
        if (alert.runbook() != null) {
            out.add(alert.runbook());
        }
        alert.annotations().stream().map(KeyValue::value).forEach(out::add);
        alert.labels().stream().map(KeyValue::value).forEach(out::add);
        return out;
    }

    /** The span of {@code needle} inside the literal's source text, or the whole literal when it cannot be found. */
    static Span spanOf(StringLit literal, String needle, int valueOffset) {
        String raw = literal.span().text();
        int from = Math.min(raw.length(), Math.max(0, valueOffset));
        int at = raw.indexOf(needle, from);
        if (at < 0) {
            at = raw.indexOf(needle);
        }
        if (at < 0) {
            return literal.span();
        }
        int start = literal.span().start() + at;
        return new Span(literal.span().file(), start, start + needle.length());
    }
}
