package dev.brokerwatch.compiler.audit;

import java.util.Set;

/**
 * A PromQL query of a Grafana dashboard (a panel target's {@code expr}, a variable's query), as written, with
 * the names of the dashboard's variables.
 */
public record DashboardQuery(String dashboard, MappedText expr, Set<String> variables) {
    public DashboardQuery {
        variables = Set.copyOf(variables);
    }
}
