package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.AlertTest;
import dev.brokerwatch.dsl.ast.TestSeries;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A selector (or a test's input series) names a metric the catalog does not have. */
public final class UnknownMetricCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_UNKNOWN_METRIC;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof VectorSelector v) {
                    check(v, catalog, out);
                }
            });
        }
        for (RuleInfo rule : context.alerts()) {
            for (AlertTest test : ((AlertRule) rule.rule()).tests()) {
                for (TestSeries series : test.series()) {
                    check(series.selector(), catalog, out);
                }
            }
        }
        return out;
    }

    static void check(VectorSelector v, Catalog catalog, List<Diagnostic> out) {
        Optional<String> name = v.metricName();
        if (name.isEmpty() || catalog.series(name.get()).isPresent()) {
            return;
        }
        String hint = catalog.suggest(name.get()).map(s -> "did you mean " + s + "?")
                .orElse("declare it in the catalog: metric ... (agent) or external metric ... (another exporter)");
        out.add(Diagnostic.of(CODE, Severity.ERROR, v.name() != null ? v.name().span() : v.span(),
                "unknown metric " + name.get() + ": no catalog declaration produces it", hint));
    }
}
