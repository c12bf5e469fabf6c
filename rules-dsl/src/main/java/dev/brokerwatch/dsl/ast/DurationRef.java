package dev.brokerwatch.dsl.ast;

/** A duration written literally ({@code 5m}) or through a parameter ({@code $for_window}). */
public sealed interface DurationRef extends Node permits DurationLit, ParamRef {
}
