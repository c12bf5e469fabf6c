package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.Node;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code on(...)}/{@code ignoring(...)} with optional {@code group_left(...)}/{@code group_right(...)}. */
public record VectorMatching(Span span, boolean on, List<LabelRef> labels, Cardinality cardinality,
                             List<LabelRef> include) implements Node {
    public VectorMatching {
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }

    public enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY }
}
