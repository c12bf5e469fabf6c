package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.KafkaVersions;
import dev.brokerwatch.dsl.catalog.Series;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * A query selects a metric that the targeted Kafka version ({@code kafka_version}) does not have, by the
 * catalog's {@code since}/{@code until}: on that version the selector matches nothing, so an alert on it
 * never fires and a panel stays empty.
 */
public final class MetricVersionCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_METRIC_VERSION;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        String target = context.pack().params().kafkaVersion();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof VectorSelector v && v.metricName().isPresent()) {
                    context.pack().catalog().series(v.metricName().get()).map(Series::metric)
                            .filter(m -> !KafkaVersions.within(target, m.since(), m.until()))
                            .ifPresent(m -> out.add(diagnostic(v, m, target)));
                }
            });
        }
        return out;
    }

    private static Diagnostic diagnostic(VectorSelector v, CatalogMetric m, String target) {
        String range = m.until() == null ? "since Kafka " + m.since()
                : m.since() == null ? "before Kafka " + m.until() : "from Kafka " + m.since() + " until " + m.until();
        return Diagnostic.of(CODE, Severity.WARNING, v.name() != null ? v.name().span() : v.span(),
                m.name() + " exists only " + range + ", and this pack targets Kafka " + target
                        + ": the selector matches nothing there",
                "compile for a version that has it (--set " + Params.KAFKA_VERSION + "=...), or give this rule a "
                        + "fallback with `or` on a metric that version has");
    }
}
