package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.source.Span;

/** {@code series metric{a="b"} "0 0 3x30"}: an input series in promtool's expanding notation. */
public record TestSeries(Span span, VectorSelector selector, StringLit values) implements Node {
}
