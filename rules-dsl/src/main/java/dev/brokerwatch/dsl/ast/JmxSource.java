package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/**
 * {@code jmx "ObjectName pattern" attribute A scale F}: where the agent reads a metric. With
 * {@code attribute A as label L} ({@code valueLabel}, else null) A is a String whose text becomes the value
 * of label L on a sample of value 1.
 */
public record JmxSource(Span span, StringLit pattern, Ident attribute, Ident valueLabel, NumberLit scale)
        implements Node {
}
