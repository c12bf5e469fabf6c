package dev.brokerwatch.dsl.ast;

/** The right-hand side of a label matcher: a string, or a string parameter. */
public sealed interface MatcherValue extends Node permits StringLit, ParamRef {
}
