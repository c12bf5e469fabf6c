package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.DurationRef;

/** {@code offset} and {@code @} of a selector or subquery; both may be absent (null). */
public record Modifiers(DurationRef offset, boolean negativeOffset, String at) {
    public static final Modifiers NONE = new Modifiers(null, false, null);

    public Modifiers withOffset(DurationRef newOffset, boolean negative) {
        return new Modifiers(newOffset, negative, at);
    }

    public Modifiers withAt(String newAt) {
        return new Modifiers(offset, negativeOffset, newAt);
    }
}
