package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code param name = default}, overridable with {@code --set name=value}. */
public record ParamDecl(Span span, Ident name, ParamLiteral value, StringLit help) implements Statement {
}
