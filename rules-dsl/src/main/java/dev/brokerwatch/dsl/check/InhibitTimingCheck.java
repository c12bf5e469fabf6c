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
 * An inhibition that comes too late: when cause and symptom start together and the symptom's {@code for} is shorter
 * than the cause's, the symptom fires first and can be notified while the cause is still pending. {@code group_wait}
 * delays only the first notification of a new group: a symptom that joins a group already open (another alert of
 * the same cluster, or another instance of its own) is sent at the group's next {@code group_interval} tick.
 * Alertmanager holds back only what it has not sent yet, so the page the inhibition was for can go out anyway.
 */
public final class InhibitTimingCheck implements Check {
    public static final CheckCode CODE = CheckCode.INHIBIT_TIMING;
    @Override
    public List<Diagnostic> run(CheckContext context) {
        Params params = context.pack().params();
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
                if (sourceFor > symptomFor) {
                    out.add(Diagnostic.of(CODE, Severity.WARNING, target.written().span(),
                            symptom.name().text() + " can be notified before its cause " + source.name().text()
                                    + " fires when both start together (for " + Durations.format(symptomFor) + " < for "
                                    + Durations.format(sourceFor) + "; group_wait delays only a new group's first "
                                    + "notification): the inhibition holds back only what has not been sent",
                            "let the cause fire first: a `for` of at most " + Durations.format(symptomFor) + " on "
                                    + source.name().text() + ", or one of at least " + Durations.format(sourceFor)
                                    + " on " + symptom.name().text()));
                }
            }
        }
        return out;
    }
}
