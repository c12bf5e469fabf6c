package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code 80 red}: from this value up the panel shows this colour; the base step has no value. */
public record ThresholdStep(Span span, NumberLit value, Ident color) implements Node {
}
