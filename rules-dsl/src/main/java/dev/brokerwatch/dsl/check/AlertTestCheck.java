package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.AlertTest;
import dev.brokerwatch.dsl.ast.Expectation;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.TestSeries;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.parse.Durations;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import dev.brokerwatch.dsl.semantics.SeriesNotation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alert tests that promtool would reject or that could not pass: input series in bad notation or with
 * matchers instead of labels, expected labels the alert cannot carry (promtool compares label sets
 * exactly, so a missing one fails too), expectations after the input has ended.
 */
public final class AlertTestCheck implements Check {
    public static final CheckCode CODE = CheckCode.TEST_ALERT;
    /** Prometheus considers a series gone five minutes after its last sample. */
    private static final long STALENESS = 300_000;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (RuleInfo rule : context.alerts()) {
            AlertRule alert = (AlertRule) rule.rule();
            LabelFlow flow = rule.analysis().info(alert.expr()).labels();
            for (AlertTest test : alert.tests()) {
                long interval = test.interval() == null ? 60_000
                        : dev.brokerwatch.dsl.check.Durations.millis(test.interval(), context.pack().params()).orElse(60_000);
                int longest = 0;
                for (TestSeries series : test.series()) {
                    for (LabelMatcher m : series.selector().matchers()) {
                        if (m.op() != LabelMatcher.MatchOp.EQ || !(m.value() instanceof dev.brokerwatch.dsl.ast.StringLit)) {
                            out.add(Diagnostic.of(CODE, Severity.ERROR, m.span(), "test input series take label values, not matchers",
                                    "write " + m.label().text() + "=\"value\""));
                        }
                    }
                    SeriesNotation.Result values = SeriesNotation.read(series.values().value());
                    if (values.problem() != null) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, TemplateSupport.spanOf(series.values(), values.item(), 0), values.problem(),
                                "write values like \"0 0 3x30\", \"1+1x10\", \"_ stale 5\""));
                    }
                    longest = Math.max(longest, values.samples());
                }
                if (test.series().isEmpty()) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, test.name().span(), "test " + test.name().value() + " has no input series",
                            "add series <metric>{labels} \"<values>\""));
                }
                if (test.expectations().isEmpty()) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, test.name().span(), "test " + test.name().value() + " expects nothing",
                            "add expect firing at <time> {labels} or expect quiet at <time>"));
                }
                long end = Math.max(0, longest - 1) * interval;
                for (Expectation e : test.expectations()) {
                    OptionalLong at = dev.brokerwatch.dsl.check.Durations.millis(e.at(), context.pack().params());
                    if (at.isPresent() && longest > 0 && at.getAsLong() > end + STALENESS) {
                        out.add(Diagnostic.of(CODE, Severity.WARNING, e.at().span(), "evaluated at " + Durations.format(at.getAsLong())
                                        + ", after every input series has gone stale (the last sample is at " + Durations.format(end) + ")",
                                "extend the input series, e.g. with \"...x" + (at.getAsLong() / interval + 1) + "\""));
                    }
                    if (e.firing() && !flow.open()) {
                        expectedLabels(e, flow, alert, out);
                    }
                }
            }
        }
        return out;
    }

    private static void expectedLabels(Expectation e, LabelFlow flow, AlertRule alert, List<Diagnostic> out) {
        Set<String> given = new TreeSet<>();
        for (KeyValue kv : e.labels()) {
            String key = kv.key().text();
            given.add(key);
            boolean isStatic = key.equals("severity") || key.equals("alertname")
                    || alert.labels().stream().anyMatch(l -> l.key().text().equals(key));
            if (isStatic) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, kv.key().span(), key + " is added to the expectation from the rule itself",
                        "list only the labels the expression yields"));
            } else if (!flow.labels().contains(key)) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, kv.key().span(), "alert " + alert.name().text() + " never carries label " + key
                                + " (its expression yields " + (flow.labels().isEmpty() ? "no labels" : String.join(", ", flow.labels())) + ")",
                        "expect only labels the expression keeps"));
            }
        }
        Set<String> missing = new TreeSet<>(flow.labels());
        missing.removeAll(given);
        missing.remove("__name__");
        if (!missing.isEmpty()) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, e.span(), "the expected alert lacks " + String.join(", ", missing)
                            + ", which the alert carries; promtool compares label sets exactly",
                    "list every label: { " + String.join(", ", flow.labels().stream().map(l -> l + "=\"...\"").toList()) + " }"));
        }
    }
}
