package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.source.Span;

/** A number literal as written (kept for output) and its value. */
public record NumberLit(Span span, String text, double value) implements Expr, ParamLiteral {
}
