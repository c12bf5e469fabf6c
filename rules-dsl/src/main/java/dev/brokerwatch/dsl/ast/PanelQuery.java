package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.source.Span;

/** {@code query <PromQL> [legend "{{pod}}"] [instant]}: one target of a panel. */
public record PanelQuery(Span span, Expr expr, StringLit legend, boolean instant) implements Node {
}
