package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code group name interval 1m { rules }}: one Prometheus rule group. */
public record GroupDecl(Span span, Ident name, DurationRef interval, List<Rule> rules) implements Statement {
    public GroupDecl {
        rules = List.copyOf(rules);
    }
}
