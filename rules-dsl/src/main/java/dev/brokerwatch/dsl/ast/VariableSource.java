package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** Where a dashboard variable's values come from. */
public sealed interface VariableSource extends Node {

    /** {@code label_values(selector, label)}: the values Prometheus has for a label; selector may be null. */
    record LabelValues(Span span, VectorSelector selector, Ident label) implements VariableSource {
    }

    /** {@code custom("a", "b")}: a fixed list. */
    record Custom(Span span, List<StringLit> values) implements VariableSource {
        public Custom {
            values = List.copyOf(values);
        }
    }

    /** {@code interval(1m, 5m)}: durations for ranges and steps. */
    record Interval(Span span, List<DurationLit> values) implements VariableSource {
        public Interval {
            values = List.copyOf(values);
        }
    }
}
