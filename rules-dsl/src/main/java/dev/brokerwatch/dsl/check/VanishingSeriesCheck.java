package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An alert that tests an aggregation for a low value when the low value comes from series vanishing, and vanished
 * series give no result at all rather than 0.
 * <ul>
 * <li>Error: {@code count(x) == 0}, {@code count(x) < 1}, {@code group(x) == 0} — a count of no series is no series,
 * so the alert can never fire, whatever {@code x} is.</li>
 * <li>Warning: {@code sum/max/min/avg/count(x) == 0} or {@code < N} across nodes (the result keeps neither
 * {@code instance} nor {@code pod}) over series scraped from the Kafka nodes themselves: when every one of those nodes
 * is down or unscraped there is nothing to add up, so the alert is silent exactly then. Not reported when the
 * expression itself handles absence ({@code or}, {@code unless}, {@code absent()}), nor when another alert of the
 * same rules watches the scrape targets ({@code up}) or uses {@code absent()}: the loss of every node is then paged.</li>
 * </ul>
 * Series of other exporters (kafka_exporter, kubelet) and {@code up} do not vanish with a broker and are not judged.
 */
public final class VanishingSeriesCheck implements Check {
    public static final CheckCode CODE = CheckCode.KAFKA_VANISHING_SERIES;

    private static final Set<String> ACROSS = Set.of("sum", "max", "min", "avg", "count", "group");
    private static final Set<String> NODE_LABELS = Set.of("instance", "pod");

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        Params params = context.pack().params();
        List<RuleInfo> alerts = context.alerts();
        boolean targetsWatched = alerts.stream().anyMatch(a -> handlesAbsence(a.rule().expr(), true));
        for (RuleInfo alert : alerts) {
            Expr expr = alert.rule().expr();
            if (handlesAbsence(expr, false)) {
                continue;
            }
            PromQlWalker.forEach(expr, node -> {
                if (!(node instanceof BinaryOp b) || !b.isComparison() || b.returnBool()) {
                    return;
                }
                for (boolean aggregationLeft : new boolean[] {true, false}) {
                    Expr side = PromQlWalker.unwrap(aggregationLeft ? b.lhs() : b.rhs());
                    OptionalDouble bound = SeriesSources.number(aggregationLeft ? b.rhs() : b.lhs(), params);
                    if (!(side instanceof Aggregation a) || !ACROSS.contains(a.operator().text()) || bound.isEmpty()) {
                        continue;
                    }
                    String op = aggregationLeft ? b.op() : flipped(b.op());
                    Diagnostic d = judge(alert, a, op, bound.getAsDouble(), b, catalog, targetsWatched);
                    if (d != null) {
                        out.add(d);
                    }
                }
            });
        }
        return out;
    }

    private static Diagnostic judge(RuleInfo alert, Aggregation a, String op, double bound, BinaryOp b, Catalog catalog,
                                    boolean targetsWatched) {
        String agg = a.operator().text();
        boolean countLike = agg.equals("count") || agg.equals("group");
        double least = countLike ? 1 : Double.NaN; // the smallest value a count of live series takes
        if (countLike && !triggerReaches(op, bound, least)) {
            return Diagnostic.of(CODE, Severity.ERROR, b.span(),
                    agg + "() of no series is no series, not 0: " + b.span().text().strip() + " can never be true, so "
                            + ((AlertRule) alert.rule()).name().text() + " can never fire",
                    "test for absence instead: absent(" + a.expr().span().text().strip() + ")");
        }
        if (!lowTest(op) || targetsWatched) {
            return null;
        }
        LabelFlow result = alert.analysis().info(a).labels();
        if (result.open() || NODE_LABELS.stream().anyMatch(result.labels()::contains)) {
            return null;
        }
        List<SeriesSources.Selected> selected = SeriesSources.selected(a.expr(), catalog);
        if (selected.isEmpty() || SeriesSources.hasUnknownSelector(a.expr(), catalog)
                || !selected.stream().allMatch(s -> s.metric().scrapedFromNode())) {
            return null;
        }
        String names = String.join(", ", selected.stream().map(SeriesSources.Selected::seriesName).distinct().toList());
        return Diagnostic.of(CODE, Severity.WARNING, b.span(),
                names + " comes from the Kafka nodes' own scrape, so when every node that exports it is down or unscraped "
                        + agg + "() has no input and returns no series rather than a low value: "
                        + ((AlertRule) alert.rule()).name().text() + " is silent exactly then, and fires only while some node is scraped "
                        + "and reports it",
                "page on the loss of the nodes too: an alert on up{...} == 0 for their scrape job, or append "
                        + "or absent(" + firstSelector(a.expr()) + ") to this expression");
    }

    /** True when some value >= {@code least} satisfies {@code value op bound}. */
    private static boolean triggerReaches(String op, double bound, double least) {
        return switch (op) {
            case "==" -> bound >= least && bound == Math.rint(bound);
            case "!=", ">", ">=" -> true;
            case "<" -> bound > least;
            case "<=" -> bound >= least;
            default -> true;
        };
    }

    private static boolean lowTest(String op) {
        return op.equals("==") || op.equals("<") || op.equals("<=");
    }

    private static String flipped(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /**
     * True when the expression handles absence itself ({@code or}, {@code unless}, absent()); with {@code orUp}, also
     * when it reads {@code up} (an alert on the scrape targets).
     */
    private static boolean handlesAbsence(Expr expr, boolean orUp) {
        boolean[] found = {false};
        PromQlWalker.forEach(expr, node -> {
            if (node instanceof Call c && (c.function().text().equals("absent") || c.function().text().equals("absent_over_time"))) {
                found[0] = true;
            } else if (!orUp && node instanceof BinaryOp b && (b.op().equals("or") || b.op().equals("unless"))) {
                found[0] = true;
            } else if (orUp && node instanceof VectorSelector v && v.metricName().map("up"::equals).orElse(false)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static String firstSelector(Expr expr) {
        String[] first = {null};
        PromQlWalker.forEach(expr, node -> {
            if (first[0] == null && node instanceof VectorSelector v) {
                first[0] = v.span().text().strip();
            }
        });
        return first[0] == null ? "..." : first[0];
    }
}
