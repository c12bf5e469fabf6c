package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.PanelQuery;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.semantics.Analysis;

/**
 * One query of a panel. {@code text} is what Grafana gets (parameters and template arguments replaced,
 * variables kept); {@code checked} is the expression the checks read: the same tree with template
 * arguments and variables inside strings replaced by sample values, so that a regex check sees
 * {@code x} instead of {@code ${topic}}. Its spans are those of the source.
 */
public record PanelTarget(String refId, PanelQuery query, String text, String legend, boolean instant, Expr checked,
                          Analysis analysis) {
}
