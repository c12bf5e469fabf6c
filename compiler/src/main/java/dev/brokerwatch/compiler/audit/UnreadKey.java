package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.source.Span;

/**
 * A key of a rule group, rule or resource that the reader does not carry ({@code query_offset}, group
 * {@code labels}, a label whose value is not a string, ...), with where it is written: {@code import} reports
 * each one instead of dropping it silently.
 */
public record UnreadKey(String path, Span span) {
}
