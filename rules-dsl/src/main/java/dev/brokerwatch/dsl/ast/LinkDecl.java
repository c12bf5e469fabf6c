package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/**
 * {@code link "Title" dashboard <name>}, {@code link "Title" alert <AlertName>} (its runbook) or
 * {@code link "Title" url "https://..."}. {@code target} is set for the first two, {@code url} for the last.
 */
public record LinkDecl(Span span, StringLit title, Kind kind, Ident target, StringLit url) implements Node {
    public enum Kind { DASHBOARD, ALERT, URL }
}
