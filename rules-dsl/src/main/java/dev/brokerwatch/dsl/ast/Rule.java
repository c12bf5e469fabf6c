package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.ast.promql.Expr;

/** An alerting or recording rule. */
public sealed interface Rule extends Node permits AlertRule, RecordingRule {
    Ident name();

    Expr expr();
}
