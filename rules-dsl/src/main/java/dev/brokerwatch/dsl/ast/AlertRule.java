package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code alert Name { expr ... for ... severity ... summary ... test ... }}. Absent clauses are null. */
public record AlertRule(Span span, Ident name, Expr expr, DurationRef forDuration, DurationRef keepFiringFor,
                        Ident severity, List<KeyValue> labels, StringLit summary, StringLit description,
                        StringLit runbook, List<KeyValue> annotations, List<AlertTest> tests) implements Rule {
    public AlertRule {
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
        tests = List.copyOf(tests);
    }
}
