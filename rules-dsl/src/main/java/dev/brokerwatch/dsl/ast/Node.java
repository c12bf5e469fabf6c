package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** Every node of the syntax tree knows the exact source range it came from. */
public interface Node {
    Span span();
}
