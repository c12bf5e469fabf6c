package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.source.Span;

/** {@code -expr} or {@code +expr}. */
public record UnaryOp(Span span, String op, Expr operand) implements Expr {
}
