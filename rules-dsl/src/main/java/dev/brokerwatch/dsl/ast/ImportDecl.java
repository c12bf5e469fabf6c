package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code import "other.bw"}: the path is relative to the importing file. */
public record ImportDecl(Span span, StringLit path) implements Statement {
}
