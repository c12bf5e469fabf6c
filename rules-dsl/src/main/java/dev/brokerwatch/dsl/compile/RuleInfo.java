package dev.brokerwatch.dsl.compile;

import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.semantics.Analysis;

/** A rule with its group and the analysis of its expression. */
public record RuleInfo(GroupDecl group, Rule rule, Analysis analysis) {
}
