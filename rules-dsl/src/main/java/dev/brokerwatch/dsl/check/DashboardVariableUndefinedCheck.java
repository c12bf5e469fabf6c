package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.dashboard.DashboardScope;
import dev.brokerwatch.dsl.dashboard.VariableUse;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A {@code $name} in a dashboard that is no template argument, dashboard variable, Grafana built-in or pack
 * parameter: Grafana would send it to Prometheus as written, and the panel would fail or show nothing.
 */
public final class DashboardVariableUndefinedCheck implements Check {
    public static final CheckCode CODE = CheckCode.DASHBOARD_VARIABLE_UNDEFINED;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Dashboard d : context.pack().dashboards()) {
            TreeSet<String> known = new TreeSet<>();
            d.variables().forEach(v -> known.add(v.name()));
            known.add(d.datasourceVariable());
            known.addAll(context.pack().params().values().keySet());
            for (VariableUse use : d.uses()) {
                if (use.kind() != DashboardScope.Kind.UNKNOWN) {
                    continue;
                }
                String hint = DidYouMean.suggest(use.name(), known).map(s -> "did you mean $" + s + "?")
                        .orElse("declare it in dashboard " + d.decl().name().text() + ": variable " + use.name()
                                + " = label_values(<metric>, " + use.name() + ")");
                out.add(Diagnostic.of(CODE, Severity.ERROR, use.span(), "$" + use.name() + " is not defined in dashboard "
                        + d.decl().name().text() + " (no variable, template argument, parameter or Grafana built-in of that name)", hint));
            }
        }
        return out;
    }

}
