package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.dashboard.DashboardScope;
import dev.brokerwatch.dsl.dashboard.DashboardVariable;
import dev.brokerwatch.dsl.dashboard.VariableUse;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dashboard variable nothing refers to: a selector at the top of the dashboard that changes nothing,
 * which users take for a filter that works.
 */
public final class DashboardVariableUnusedCheck implements Check {
    public static final CheckCode CODE = CheckCode.DASHBOARD_VARIABLE_UNUSED;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Dashboard d : context.pack().dashboards()) {
            Set<String> used = d.uses().stream().filter(u -> u.kind() == DashboardScope.Kind.VARIABLE)
                    .map(VariableUse::name).collect(Collectors.toSet());
            for (DashboardVariable v : d.variables()) {
                if (!used.contains(v.name())) {
                    out.add(Diagnostic.of(CODE, Severity.WARNING, v.decl().name().span(),
                            "variable " + v.name() + " of dashboard " + d.decl().name().text() + " is never used",
                            "filter the panels with it, e.g. {" + v.name() + "=~\"$" + v.name() + "\"}, or remove it"));
                }
            }
        }
        return out;
    }
}
