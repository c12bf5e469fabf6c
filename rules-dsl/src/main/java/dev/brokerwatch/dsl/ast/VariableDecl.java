package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code variable name "Label" = <source> [multi] [all] [default "v"] [regex "r"] [hide]}. */
public record VariableDecl(Span span, Ident name, StringLit label, VariableSource source, boolean multi,
                           boolean includeAll, StringLit defaultValue, StringLit regex, boolean hidden) implements Node {
}
