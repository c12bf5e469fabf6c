package dev.brokerwatch.compiler.audit;

import java.util.List;

/**
 * One rule of a Prometheus rule group as written: {@code alert} or {@code record}, its expression, {@code for},
 * {@code keep_firing_for}, labels and annotations (null where absent). {@code comments} are the YAML comments
 * above and inside the rule, {@code unread} the keys this reader does not carry (both kept for {@code import}).
 */
public record AuditRule(boolean alert, MappedText name, MappedText expr, MappedText forDuration, MappedText keepFiringFor,
                        List<RuleEntry> labels, List<RuleEntry> annotations, List<String> comments, List<UnreadKey> unread) {
    public AuditRule {
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
        comments = List.copyOf(comments);
        unread = List.copyOf(unread);
    }
}
