package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.source.Span;

/** {@code selector[range]}. */
public record MatrixSelector(Span span, VectorSelector selector, DurationRef range, Modifiers modifiers) implements Expr {
}
