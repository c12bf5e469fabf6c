package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.Node;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code by (labels)} or {@code without (labels)} of an aggregation. */
public record Grouping(Span span, boolean without, List<LabelRef> labels) implements Node {
    public Grouping {
        labels = List.copyOf(labels);
    }
}
