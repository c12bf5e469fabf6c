package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code since "4.2" = value}: a parameter's default when the pack targets that Kafka version or a newer one. */
public record ParamSince(Span span, StringLit version, ParamLiteral value) implements Node {
}
