package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** A name as written, with its position. */
public record Ident(Span span, String text) implements Node {
    @Override
    public String toString() {
        return text;
    }
}
