package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code alert Name { expr ... for ... severity ... summary ... test ... inhibits ... delivery ... }}. Absent
 * clauses are null.
 */
public record AlertRule(Span span, Ident name, Expr expr, DurationRef forDuration, DurationRef keepFiringFor,
                        Ident severity, List<KeyValue> labels, StringLit summary, StringLit description,
                        StringLit runbook, List<KeyValue> annotations, List<AlertTest> tests,
                        List<Inhibition> inhibits, List<DeliveryTest> deliveryTests) implements Rule {
    public AlertRule {
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
        tests = List.copyOf(tests);
        inhibits = List.copyOf(inhibits);
        deliveryTests = List.copyOf(deliveryTests);
    }
}
