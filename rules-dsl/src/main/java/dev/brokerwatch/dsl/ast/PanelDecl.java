package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code timeseries "Title" { clauses }} and the other panel kinds. */
public record PanelDecl(Span span, PanelKind kind, StringLit title, PanelBody body) implements PanelItem {
}
