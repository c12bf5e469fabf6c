package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.Series;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlFunctions;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * rate(), irate(), increase() or resets() over a gauge. These functions treat every drop as a counter
 * reset, so over a gauge (such as a Meter's OneMinuteRate, or a partition count) they return nonsense.
 */
public final class RateOverGaugeCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_RATE_OVER_GAUGE;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (!(node instanceof Call c) || c.args().isEmpty()) {
                    return;
                }
                boolean counterOnly = PromQlFunctions.function(c.function().text()).map(PromQlFunctions.Function::counterOnly).orElse(false);
                if (!counterOnly) {
                    return;
                }
                selectorOf(c.args().get(0)).ifPresent(v -> v.metricName().flatMap(catalog::series).ifPresent(series -> {
                    // a gauge that is already a rate gets kafka/rate-of-rate, which says so
                    // and one that only grows (an offset, a cumulative byte count) is as good as a counter
                    if (series.type() == MetricType.GAUGE && RateOfRateCheck.rateSources(series.metric()).isEmpty()
                            && !dev.brokerwatch.dsl.catalog.GrowingGauges.onlyGrows(series.metric())) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, c.span(),
                                c.function().text() + "() over the gauge " + series.name() + ": it only makes sense for counters",
                                hint(c.function().text(), series, catalog)));
                    }
                }));
            });
        }
        return out;
    }

    static Optional<VectorSelector> selectorOf(Expr arg) {
        Expr e = PromQlWalker.unwrap(arg);
        if (e instanceof MatrixSelector m) {
            return Optional.of(m.selector());
        }
        if (e instanceof Subquery s && PromQlWalker.unwrap(s.expr()) instanceof VectorSelector v) {
            return Optional.of(v);
        }
        return Optional.empty();
    }

    private static String hint(String function, Series series, Catalog catalog) {
        String name = series.name();
        for (String suffix : List.of("persec", "_rate", "rate")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                Optional<String> counter = catalog.seriesNames().stream()
                        .filter(n -> n.startsWith(base) && n.endsWith("_total")).findFirst();
                if (counter.isPresent()) {
                    return "this gauge is already a rate; use it directly, or take " + function + "() of the counter " + counter.get();
                }
            }
        }
        return "compare the gauge directly, or use deriv() or delta() for its change over time";
    }
}
