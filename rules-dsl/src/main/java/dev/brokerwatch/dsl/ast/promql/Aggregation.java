package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.source.Span;

/** {@code sum by (x) (expr)}, {@code topk(5, expr)}; grouping and param may be null. */
public record Aggregation(Span span, Ident operator, Grouping grouping, Expr param, Expr expr) implements Expr {
}
