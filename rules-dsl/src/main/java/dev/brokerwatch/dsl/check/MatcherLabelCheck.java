package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.catalog.Series;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * A label matcher on a label the metric does not have. A matcher that needs a value ({@code topic="x"})
 * then selects nothing; one that accepts the empty string is merely useless.
 */
public final class MatcherLabelCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_MATCHER_LABEL;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof VectorSelector v) {
                    v.metricName().flatMap(catalog::series).filter(Series::labelsKnown).ifPresent(series -> check(v, series, out));
                }
            });
        }
        return out;
    }

    private static void check(VectorSelector v, Series series, List<Diagnostic> out) {
        for (LabelMatcher m : v.matchers()) {
            String label = m.label().text();
            if (label.equals("__name__") || series.labels().contains(label)) {
                continue;
            }
            boolean needsValue = !(m.value() instanceof StringLit s) || !acceptsEmpty(m.op(), s.value());
            String known = series.labels().isEmpty() ? "it has no labels" : "it has " + String.join(", ", series.labels());
            String hint = DidYouMean.suggest(label, series.labels()).map(s -> "did you mean " + s + "?")
                    .orElse(needsValue ? "this selector can never match; remove the matcher or add the label to the catalog declaration"
                            : "the matcher accepts series without the label, so it does nothing; remove it");
            out.add(Diagnostic.of(CODE, needsValue ? Severity.ERROR : Severity.WARNING, m.label().span(),
                    series.name() + " has no label " + label + " (" + known + ")", hint));
        }
    }

    private static boolean acceptsEmpty(LabelMatcher.MatchOp op, String value) {
        return switch (op) {
            case EQ -> value.isEmpty();
            case NE -> !value.isEmpty();
            case RE -> value.isEmpty() || value.equals(".*") || value.endsWith("|") || value.startsWith("|");
            case NRE -> !value.isEmpty() && !value.equals(".*");
        };
    }
}
