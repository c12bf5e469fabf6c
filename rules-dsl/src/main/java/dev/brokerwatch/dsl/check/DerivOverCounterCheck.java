package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlFunctions;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;

/** deriv(), delta(), idelta() or predict_linear() over a counter: they ignore counter resets. */
public final class DerivOverCounterCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_DERIV_OVER_COUNTER;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (!(node instanceof Call c) || c.args().isEmpty()) {
                    return;
                }
                boolean gaugeOnly = PromQlFunctions.function(c.function().text()).map(PromQlFunctions.Function::gaugeOnly).orElse(false);
                if (!gaugeOnly) {
                    return;
                }
                RateOverGaugeCheck.selectorOf(c.args().get(0)).flatMap(v -> v.metricName()).flatMap(catalog::series).ifPresent(series -> {
                    if (series.type() == MetricType.COUNTER) {
                        String replacement = c.function().text().equals("idelta") ? "irate" : "increase() or rate";
                        out.add(Diagnostic.of(CODE, Severity.ERROR, c.span(),
                                c.function().text() + "() over the counter " + series.name() + " ignores counter resets",
                                "use " + replacement + "(), which account for a restarted broker's counter starting again at zero"));
                    }
                });
            });
        }
        return out;
    }
}
