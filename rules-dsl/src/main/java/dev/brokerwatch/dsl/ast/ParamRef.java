package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.source.Span;

/** A use of a parameter, {@code $name}; what it may stand for depends on where it is written. */
public record ParamRef(Span span, String name) implements DurationRef, LabelRef, MatcherValue, Expr {
}
