package dev.brokerwatch.compiler.audit;

import java.util.List;

/** A Prometheus rule group as written: name, {@code interval} (null: the global one), rules; {@code where} says which resource it is in. */
public record AuditGroup(String where, MappedText name, MappedText interval, List<AuditRule> rules, List<String> comments) {
    public AuditGroup {
        rules = List.copyOf(rules);
        comments = List.copyOf(comments);
    }
}
