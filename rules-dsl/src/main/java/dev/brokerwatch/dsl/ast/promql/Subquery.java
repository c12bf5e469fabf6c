package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.source.Span;

/** {@code expr[range:step]}; step may be null (the global evaluation interval). */
public record Subquery(Span span, Expr expr, DurationRef range, DurationRef step, Modifiers modifiers) implements Expr {
}
