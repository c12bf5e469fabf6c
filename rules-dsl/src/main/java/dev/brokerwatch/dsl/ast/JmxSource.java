package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code jmx "ObjectName pattern" attribute A scale F}: where the agent reads a metric. */
public record JmxSource(Span span, StringLit pattern, Ident attribute, NumberLit scale) implements Node {
}
