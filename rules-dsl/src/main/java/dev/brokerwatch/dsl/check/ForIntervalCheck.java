package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.parse.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code for} shorter than the group's evaluation interval: the alert is evaluated only once per
 * interval, so such a {@code for} behaves like one interval and reads as a promise it cannot keep.
 */
public final class ForIntervalCheck implements Check {
    public static final CheckCode CODE = CheckCode.RULE_FOR_INTERVAL;
    /** Prometheus's default evaluation interval, used when a group sets none. */
    static final long DEFAULT_INTERVAL = 60_000;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (RuleInfo rule : context.alerts()) {
            AlertRule alert = (AlertRule) rule.rule();
            if (alert.forDuration() == null) {
                continue;
            }
            OptionalLong forMillis = dev.brokerwatch.dsl.check.Durations.millis(alert.forDuration(), context.pack().params());
            long interval = rule.group().interval() == null ? DEFAULT_INTERVAL
                    : dev.brokerwatch.dsl.check.Durations.millis(rule.group().interval(), context.pack().params()).orElse(DEFAULT_INTERVAL);
            if (forMillis.isPresent() && forMillis.getAsLong() > 0 && forMillis.getAsLong() < interval) {
                out.add(Diagnostic.of(CODE, Severity.WARNING, alert.forDuration().span(),
                        "for " + Durations.format(forMillis.getAsLong()) + " is shorter than the group's evaluation interval "
                                + Durations.format(interval),
                        "use for " + Durations.format(interval) + " or more, or shorten the group's interval"));
            }
        }
        return out;
    }
}
