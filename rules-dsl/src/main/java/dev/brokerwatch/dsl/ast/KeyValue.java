package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code key = "value"} in a labels or annotations block. */
public record KeyValue(Span span, Ident key, StringLit value) implements Node {
}
