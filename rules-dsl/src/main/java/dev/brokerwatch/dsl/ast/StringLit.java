package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.source.Span;

/** A string literal; {@code value} has its quotes removed and escapes resolved. */
public record StringLit(Span span, String value) implements Expr, ParamLiteral, MatcherValue {
}
