package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code delivery "name" { labels { ... } expect receiver page  expect inhibits X { ... } }}: its alert, firing
 * with the given labels, reaches that receiver and inhibits (or spares) those alerts, judged against the emitted
 * Alertmanager config.
 */
public record DeliveryTest(Span span, StringLit name, List<KeyValue> labels, List<DeliveryExpectation> expectations)
        implements Node {
    public DeliveryTest {
        labels = List.copyOf(labels);
        expectations = List.copyOf(expectations);
    }
}
