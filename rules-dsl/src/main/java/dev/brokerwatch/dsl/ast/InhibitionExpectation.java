package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code expect inhibits KafkaFencedBrokers { namespace="k" }} ({@code inhibits} true) or {@code expect spares ...}
 * (false): whether the firing alert holds back that alert when it fires with these labels.
 */
public record InhibitionExpectation(Span span, boolean inhibits, Ident target, List<KeyValue> labels)
        implements DeliveryExpectation {
    public InhibitionExpectation {
        labels = List.copyOf(labels);
    }
}
