package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code record name { expr ... }}: its output joins the catalog, so rules built on it are checked too. */
public record RecordingRule(Span span, Ident name, Expr expr, List<KeyValue> labels) implements Rule {
    public RecordingRule {
        labels = List.copyOf(labels);
    }
}
