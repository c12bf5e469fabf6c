package dev.brokerwatch.compiler.audit;

import java.util.List;

/**
 * A Prometheus rule group as written: name, {@code interval} (null: the global one), {@code limit} (null: none),
 * rules; {@code where} says which resource it is in, {@code resource} is that resource (null in a plain rule
 * file). {@code comments} are the YAML comments of the group outside its rules and {@code unread} the keys this
 * reader does not carry (both kept for {@code import}).
 */
public record AuditGroup(String where, AuditResource resource, MappedText name, MappedText interval, MappedText limit,
                         List<AuditRule> rules, List<String> comments, List<UnreadKey> unread) {
    public AuditGroup {
        rules = List.copyOf(rules);
        comments = List.copyOf(comments);
        unread = List.copyOf(unread);
    }
}
