package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code expect receiver page}: the alert's notification goes to this receiver of the emitted route tree. */
public record ReceiverExpectation(Span span, Ident receiver) implements DeliveryExpectation {
}
