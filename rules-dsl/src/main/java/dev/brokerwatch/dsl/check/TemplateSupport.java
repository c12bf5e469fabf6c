package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.parse.StringLiterals;
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

    /** The span of the first {@code needle} at or after {@code valueOffset} in the literal's value, or the whole literal. */
    static Span spanOf(StringLit literal, String needle, int valueOffset) {
        int at = literal.value().indexOf(needle, Math.max(0, valueOffset));
        return at < 0 ? literal.span() : spanOf(literal, at, needle.length());
    }

    /**
     * The source span of {@code length} characters at {@code valueOffset} of the literal's value. Escapes and
     * triple-quote dedenting make value offsets differ from source offsets, so they are mapped through the
     * literal's own decoding. A value that is not the decoded token (a {@code ${param}} was interpolated)
     * falls back to finding the text in the source, then to the whole literal.
     */
    static Span spanOf(StringLit literal, int valueOffset, int length) {
        String raw = literal.span().text();
        int start = literal.span().start();
        String value = literal.value();
        int from = Math.max(0, Math.min(value.length(), valueOffset));
        int to = Math.max(from, Math.min(value.length(), valueOffset + length));
        int[] offsets = sourceOffsets(raw, value);
        if (offsets != null) {
            // offsets[to] is where the next value character starts: the exact end of an escape or of the text
            int end = to > from ? offsets[to] : Math.min(raw.length(), offsets[from] + 1);
            return new Span(literal.span().file(), start + offsets[from], start + end);
        }
        String needle = value.substring(from, to);
        int at = needle.isEmpty() ? -1 : raw.indexOf(needle);
        if (at < 0) {
            return literal.span();
        }
        return new Span(literal.span().file(), start + at, start + at + needle.length());
    }

    private static int[] sourceOffsets(String raw, String value) {
        try {
            return StringLiterals.value(raw).equals(value) ? StringLiterals.sourceOffsets(raw) : null;
        } catch (RuntimeException notAStringToken) {
            return null;
        }
    }
}
