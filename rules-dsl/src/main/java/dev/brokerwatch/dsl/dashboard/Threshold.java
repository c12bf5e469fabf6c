package dev.brokerwatch.dsl.dashboard;

/** A threshold step: from {@code value} up (null: the base step) the panel shows {@code color}. */
public record Threshold(Double value, String color) {
}
