package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code place x y w h}: exact grid position, relative to the top of the enclosing row. */
public record Placement(Span span, int x, int y, int w, int h) implements Node {
}
