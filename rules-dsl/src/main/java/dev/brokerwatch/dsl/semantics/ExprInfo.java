package dev.brokerwatch.dsl.semantics;

/**
 * What the analyser knows about one expression node: its value type, its result labels, and whether it
 * is a raw counter value (a counter selector, possibly aggregated, with no rate() around it).
 */
public record ExprInfo(ValueType type, LabelFlow labels, boolean rawCounter) {
}
