package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code expect firing at 15m {labels}} or {@code expect quiet at 5m}. */
public record Expectation(Span span, boolean firing, DurationRef at, List<KeyValue> labels) implements Node {
    public Expectation {
        labels = List.copyOf(labels);
    }
}
