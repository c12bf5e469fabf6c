package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.JmxBinding;
import dev.brokerwatch.dsl.catalog.KafkaAttribute;
import dev.brokerwatch.dsl.catalog.Series;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value averaged (or maximised) over the broker's whole lifetime used as if it were recent: a Yammer histogram's
 * {@code Mean}, {@code Max}, {@code Min} or {@code StdDev}, a meter's {@code MeanRate}, or a summary's {@code _sum}
 * divided by its {@code _count} without rate(). After a day of uptime a new problem hardly moves such a value, and
 * once moved it stays. Judged by the MBean attribute a series is read from, not by its name. An error in an alert,
 * a warning in recording rules and dashboards (where a lifetime figure may be shown on purpose).
 */
public final class LifetimeAverageCheck implements Check {
    public static final CheckCode CODE = CheckCode.KAFKA_LIFETIME_AVERAGE;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            Severity severity = e.rule() != null && e.rule().rule() instanceof AlertRule ? Severity.ERROR : Severity.WARNING;
            Map<VectorSelector, Boolean> underRate = new IdentityHashMap<>();
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof Call c && !c.args().isEmpty()) {
                    boolean rateLike = SeriesSources.counterOnly(c) || c.function().text().equals("idelta") || c.function().text().equals("delta")
                            || c.function().text().equals("deriv");
                    if (rateLike) {
                        RateOverGaugeCheck.selectorOf(c.args().get(0)).ifPresent(v -> underRate.put(v, true));
                    }
                }
            });
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof VectorSelector v && !underRate.containsKey(v)) {
                    v.metricName().flatMap(catalog::series).ifPresent(series -> lifetimeSource(v, series, catalog)
                            .ifPresent(d -> out.add(Diagnostic.of(CODE, severity, v.span(), d.message, d.hint))));
                }
                if (node instanceof BinaryOp b && b.op().equals("/")) {
                    sumOverCount(b, catalog).ifPresent(d -> out.add(Diagnostic.of(CODE, severity, b.span(), d.message, d.hint)));
                }
            });
        }
        return out;
    }

    private record Finding(String message, String hint) {
    }

    private static Optional<Finding> lifetimeSource(VectorSelector v, Series series, Catalog catalog) {
        if (series.metric().type() == MetricType.SUMMARY) {
            return Optional.empty(); // its series are percentiles (decaying sample), _count and _sum
        }
        List<JmxBinding> all = series.metric().jmx();
        List<JmxBinding> lifetime = all.stream().filter(b -> KafkaAttribute.of(b).map(KafkaAttribute::isLifetime).orElse(false)).toList();
        if (lifetime.isEmpty()) {
            return Optional.empty();
        }
        boolean mixed = lifetime.size() < all.size();
        if (mixed && filtersOwnLabels(v, catalog)) {
            return Optional.empty(); // a matcher may pick only the recent series out of the family
        }
        KafkaAttribute kind = KafkaAttribute.of(lifetime.get(0)).orElseThrow();
        List<JmxBinding> recent = all.stream().filter(b -> !lifetime.contains(b)).toList();
        String lifetimeText = SeriesSources.describe(lifetime);
        String recentText = mixed ? SeriesSources.describe(recent) : lifetimeText;
        String lifetimeObjects = lifetimeText.substring(lifetimeText.indexOf(" of ") + 4);
        String both = lifetimeObjects.equals(recentText.substring(recentText.indexOf(" of ") + 4))
                ? "both the " + lifetimeText.substring(0, lifetimeText.indexOf(" of ")) + " and the " + recentText
                : "the " + lifetimeText + " next to the " + recentText;
        String which = mixed
                ? series.name() + " holds " + both + ", and this reads both; the " + lifetime.get(0).attribute() + " series is "
                        + kind.meaning()
                : series.name() + " is the " + lifetimeText + ": " + kind.meaning();
        return Optional.of(new Finding(which + ", not a recent figure: after days of uptime a new problem hardly moves it, and once moved it stays",
                hint(kind, mixed)));
    }

    private static String hint(KafkaAttribute kind, boolean mixed) {
        String fix = switch (kind) {
            case LIFETIME_RATE -> "use the meter's OneMinuteRate, or rate() of its Count exported as a counter";
            case LIFETIME_MEAN -> "use a percentile (50thPercentile ... 999thPercentile come from a decaying sample), or "
                    + "rate(x_sum[5m]) / rate(x_count[5m]) where the exporter gives the histogram a _sum (the brokerwatch agent does)";
            default -> "use a high percentile such as 99thPercentile or 999thPercentile (a decaying sample) instead";
        };
        return mixed ? "export only the recent attribute under this name (end the pattern's attribute with ':' or name it exactly); " + fix : fix;
    }

    /** True when the selector matches on a label the exporter adds (not one Prometheus attaches to every target). */
    private static boolean filtersOwnLabels(VectorSelector v, Catalog catalog) {
        for (LabelMatcher m : v.matchers()) {
            String label = m.label().text();
            if (!label.equals("__name__") && !catalog.targetLabels().contains(label)) {
                return true;
            }
        }
        return false;
    }

    /** {@code x_sum / x_count} of one summary, neither under rate(): the mean of every value since the start. */
    private static Optional<Finding> sumOverCount(BinaryOp b, Catalog catalog) {
        Expr l = PromQlWalker.unwrap(b.lhs());
        Expr r = PromQlWalker.unwrap(b.rhs());
        if (!(l instanceof VectorSelector ls) || !(r instanceof VectorSelector rs)) {
            return Optional.empty();
        }
        Optional<String> lname = ls.metricName();
        Optional<String> rname = rs.metricName();
        if (lname.isEmpty() || rname.isEmpty() || !lname.get().endsWith("_sum") || !rname.get().endsWith("_count")) {
            return Optional.empty();
        }
        String family = lname.get().substring(0, lname.get().length() - "_sum".length());
        if (!rname.get().equals(family + "_count")) {
            return Optional.empty();
        }
        boolean summary = catalog.metric(family).map(m -> m.type() == MetricType.SUMMARY).orElse(false);
        if (!summary) {
            return Optional.empty();
        }
        return Optional.of(new Finding(lname.get() + " / " + rname.get() + " divides two totals counted since the broker started: it is the mean "
                + "of every value since then, not of recent ones",
                "divide their rates: rate(" + lname.get() + "[5m]) / rate(" + rname.get() + "[5m])"));
    }
}
