package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.JmxBinding;
import dev.brokerwatch.dsl.catalog.KafkaAttribute;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * rate(), irate(), increase() or resets() over a series whose every source is already a rate: a Yammer meter's
 * {@code OneMinuteRate} (or Five-, FifteenMinute-, MeanRate) or a Kafka metric's {@code *-rate}. Judged by the MBean
 * attribute the series is read from, not by its name: {@code ..._persec_total} read from a meter's {@code Count} is
 * a counter and fine, a series typed COUNTER but read from {@code OneMinuteRate} is not.
 */
public final class RateOfRateCheck implements Check {
    public static final CheckCode CODE = CheckCode.KAFKA_RATE_OF_RATE;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (!(node instanceof Call c) || c.args().isEmpty() || !SeriesSources.counterOnly(c)) {
                    return;
                }
                RateOverGaugeCheck.selectorOf(c.args().get(0)).ifPresent(v -> v.metricName().flatMap(catalog::series).ifPresent(series -> {
                    List<JmxBinding> rates = rateSources(series.metric());
                    if (rates.isEmpty()) {
                        return;
                    }
                    String fn = c.function().text();
                    KafkaAttribute kind = KafkaAttribute.of(rates.get(0)).orElseThrow();
                    out.add(Diagnostic.of(CODE, Severity.ERROR, c.span(),
                            fn + "() of " + series.name() + ", which is the " + SeriesSources.describe(rates) + ": " + kind.meaning()
                                    + "; " + fn + "() reads every fall of a rate as a counter reset, so the result is not a rate of anything",
                            hint(series.metric(), rates, catalog)));
                }));
            });
        }
        return out;
    }

    /** The metric's sources when every one of them is a rate (empty otherwise, or when the sources are not known). */
    static List<JmxBinding> rateSources(CatalogMetric metric) {
        if (metric.jmx().isEmpty() || metric.type() == MetricType.SUMMARY) {
            return List.of();
        }
        boolean allRates = metric.jmx().stream().allMatch(b -> KafkaAttribute.of(b).map(KafkaAttribute::isRate).orElse(false));
        return allRates ? metric.jmx() : List.of();
    }

    private static String hint(CatalogMetric metric, List<JmxBinding> rates, Catalog catalog) {
        String objectName = rates.get(0).objectName();
        Optional<String> counter = catalog.metrics().stream()
                .filter(m -> m.type() == MetricType.COUNTER && m.jmx().stream()
                        .anyMatch(b -> "Count".equals(b.attribute()) && b.objectName().equals(objectName)))
                .flatMap(m -> m.seriesNames().stream()).findFirst();
        if (counter.isPresent()) {
            return "compare " + metric.name() + " directly, or take rate() of the counter " + counter.get() + " (the same MBean's Count)";
        }
        return "compare " + metric.name() + " directly (it is a per-second rate), or export the MBean's Count as a COUNTER and take rate() of that";
    }
}
