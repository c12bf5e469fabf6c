package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** A label name written in a label list. */
public record LabelName(Span span, String text) implements LabelRef {
}
