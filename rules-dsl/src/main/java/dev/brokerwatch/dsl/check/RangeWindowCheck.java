package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.parse.Durations;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A range shorter than twice the scrape interval: rate() and friends need at least two samples in the
 * window, so such a range returns nothing after one missed scrape (and often always).
 */
public final class RangeWindowCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_RANGE_WINDOW;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        long scrape = context.pack().params().scrapeIntervalMillis();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                OptionalLong range = OptionalLong.empty();
                dev.brokerwatch.dsl.ast.DurationRef ref = null;
                if (node instanceof MatrixSelector m) {
                    ref = m.range();
                } else if (node instanceof Subquery s) {
                    ref = s.range();
                }
                if (ref != null) {
                    range = dev.brokerwatch.dsl.check.Durations.millis(ref, context.pack().params());
                }
                if (range.isPresent() && range.getAsLong() < 2 * scrape) {
                    out.add(Diagnostic.of(CODE, Severity.WARNING, ref.span(),
                            "range " + Durations.format(range.getAsLong()) + " is shorter than twice the scrape interval ("
                                    + Durations.format(scrape) + "), so it may hold fewer than two samples",
                            "use at least " + Durations.format(2 * scrape) + "; four scrape intervals ("
                                    + Durations.format(4 * scrape) + ") survive a missed scrape. The scrape interval is the parameter scrape_interval"));
                }
            });
        }
        return out;
    }
}
