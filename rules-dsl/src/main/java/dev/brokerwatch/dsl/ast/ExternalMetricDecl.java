package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code external metric name type source S labels a, b}: a series another exporter produces. */
public record ExternalMetricDecl(Span span, Ident name, MetricType type, Ident source, List<Ident> labels,
                                 StringLit help, Ident unit) implements Statement {
    public ExternalMetricDecl {
        labels = List.copyOf(labels);
    }
}
