package dev.brokerwatch.dsl.ast;

/** A label name in a {@code by}/{@code on} list: written out, or a label-list parameter that expands in place. */
public sealed interface LabelRef extends Node permits LabelName, ParamRef {
}
