package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code param name = default}, overridable with {@code --set name=value}; {@code since} clauses give other
 * defaults for newer Kafka versions (the {@code kafka_version} the pack is compiled for).
 */
public record ParamDecl(Span span, Ident name, ParamLiteral value, List<ParamSince> since, StringLit help)
        implements Statement {
    public ParamDecl {
        since = List.copyOf(since);
    }
}
