package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.source.Span;

/** A {@code $name} written in a dashboard (query, variable, title, legend, link), with what it resolved to. */
public record VariableUse(String name, Span span, DashboardScope.Kind kind, boolean inQuery) {
}
