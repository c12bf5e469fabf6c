package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.source.Span;

/** {@code (expr)}. */
public record ParenExpr(Span span, Expr inner) implements Expr {
}
