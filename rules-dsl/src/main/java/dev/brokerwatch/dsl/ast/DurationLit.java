package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** A Prometheus duration such as {@code 1h30m}, with its value in milliseconds. */
public record DurationLit(Span span, String text, long millis) implements DurationRef, ParamLiteral {
}
