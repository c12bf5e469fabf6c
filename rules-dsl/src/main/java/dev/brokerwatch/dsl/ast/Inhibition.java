package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code inhibits KafkaUnderReplicatedPartitions, KafkaFencedBrokers on (namespace)} inside an alert: while the
 * alert fires, Alertmanager holds back notifications of the named alerts whose {@code on} labels have the same
 * values (an Alertmanager inhibit rule with {@code equal}).
 */
public record Inhibition(Span span, List<Ident> targets, List<LabelRef> on) implements Node {
    public Inhibition {
        targets = List.copyOf(targets);
        on = List.copyOf(on);
    }
}
