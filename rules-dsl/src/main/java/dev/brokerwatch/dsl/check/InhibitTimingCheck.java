package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.compile.ExprText;
import dev.brokerwatch.dsl.delivery.InhibitionTarget;
import dev.brokerwatch.dsl.delivery.ResolvedInhibition;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.parse.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * An inhibition that comes too late: when cause and symptom start together, the symptom fires after its own
 * {@code for}, waits {@code group_wait} in its new notification group, and is notified while the cause is still
 * pending. Alertmanager holds back only what it has not sent yet, so the page the inhibition was for goes out anyway,
 * and the cause pages again when it fires.
 */
public final class InhibitTimingCheck implements Check {
    public static final CheckCode CODE = CheckCode.INHIBIT_TIMING;
    /** Alertmanager's default group_wait, when the routing block sets none. */
    static final long DEFAULT_GROUP_WAIT_MILLIS = 30_000;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        Params params = context.pack().params();
        var routing = context.delivery().routing();
        var declaredWait = routing.declaration() == null ? null : routing.declaration().groupWait();
        long groupWait = ExprText.durationMillis(declaredWait, params, DEFAULT_GROUP_WAIT_MILLIS);
        List<Diagnostic> out = new ArrayList<>();
        for (ResolvedInhibition inhibition : context.delivery().inhibitions()) {
            AlertRule source = (AlertRule) inhibition.source().rule();
            long sourceFor = ExprText.durationMillis(source.forDuration(), params, 0);
            for (InhibitionTarget target : inhibition.targets()) {
                if (target.alert() == null) {
                    continue;
                }
                AlertRule symptom = (AlertRule) target.alert().rule();
                long symptomFor = ExprText.durationMillis(symptom.forDuration(), params, 0);
                if (sourceFor > symptomFor + groupWait) {
                    out.add(Diagnostic.of(CODE, Severity.WARNING, target.written().span(),
                            symptom.name().text() + " is notified before its cause " + source.name().text()
                                    + " fires when both start together (for " + Durations.format(symptomFor)
                                    + " + group_wait " + Durations.format(groupWait) + " < for " + Durations.format(sourceFor)
                                    + "): the inhibition holds back only what has not been sent",
                            "let the cause fire first: a `for` of at most " + Durations.format(symptomFor + groupWait)
                                    + " on " + source.name().text() + ", one of at least "
                                    + Durations.format(sourceFor - groupWait) + " on " + symptom.name().text()
                                    + ", or a longer group_wait in the routing block"));
                }
            }
        }
        return out;
    }
}
