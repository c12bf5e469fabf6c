package dev.brokerwatch.dsl.ast;

/** The value of a {@code param}: a duration, number, string or label list. */
public sealed interface ParamLiteral extends Node permits DurationLit, NumberLit, StringLit, LabelListLit {
}
