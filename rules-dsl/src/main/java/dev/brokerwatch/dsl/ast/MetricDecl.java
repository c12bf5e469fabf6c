package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code metric name type ...}: one metric of the catalog the agent exports. */
public record MetricDecl(Span span, Ident name, MetricType type, MetricBody body) implements Statement {
}
