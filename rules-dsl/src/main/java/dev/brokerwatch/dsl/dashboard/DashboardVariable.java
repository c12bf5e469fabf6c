package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.VariableDecl;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.semantics.Analysis;
import java.util.List;

/**
 * A dashboard variable ready to emit. For a label_values variable, {@code query} is Grafana's
 * {@code label_values(...)} text and {@code selector} the checked selector (null without one).
 */
public record DashboardVariable(VariableDecl decl, String name, String label, Kind kind, String query, List<String> values,
                                Expr selector, Analysis analysis) {
    public enum Kind { QUERY, CUSTOM, INTERVAL }

    public DashboardVariable {
        values = List.copyOf(values);
    }
}
