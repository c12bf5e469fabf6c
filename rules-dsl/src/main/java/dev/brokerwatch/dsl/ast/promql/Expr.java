package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.Node;

/** A PromQL expression node. */
public interface Expr extends Node {
}
