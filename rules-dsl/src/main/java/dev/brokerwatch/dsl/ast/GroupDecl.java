package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code group name interval 1m limit 10 group_by (namespace) { rules }}: one Prometheus rule group; {@code limit}
 * (null when absent) is Prometheus's limit of alerts or series per rule; {@code groupBy} (null when absent) is how
 * Alertmanager groups its alerts into notifications.
 */
public record GroupDecl(Span span, Ident name, DurationRef interval, NumberLit limit, List<LabelRef> groupBy, List<Rule> rules)
        implements Statement {
    public GroupDecl {
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        rules = List.copyOf(rules);
    }

    /** The same group with other rules. */
    public GroupDecl withRules(List<Rule> rules) {
        return new GroupDecl(span, name, interval, limit, groupBy, rules);
    }
}
