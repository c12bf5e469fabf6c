package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** A parenthesised list of label names, the value of a label-list parameter: {@code (namespace, pod)}. */
public record LabelListLit(Span span, List<LabelName> labels) implements ParamLiteral {
    public LabelListLit {
        labels = List.copyOf(labels);
    }
}
