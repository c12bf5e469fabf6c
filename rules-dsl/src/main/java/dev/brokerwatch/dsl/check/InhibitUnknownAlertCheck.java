package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.DeliveryExpectation;
import dev.brokerwatch.dsl.ast.DeliveryTest;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.InhibitionExpectation;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.delivery.AlertDelivery;
import dev.brokerwatch.dsl.delivery.InhibitionTarget;
import dev.brokerwatch.dsl.delivery.ResolvedInhibition;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code inhibits} list or a delivery test's {@code expect inhibits/spares} naming no alert of the pack: the
 * inhibit rule would match nothing, and the cascade it was written for would page in full.
 */
public final class InhibitUnknownAlertCheck implements Check {
    public static final CheckCode CODE = CheckCode.INHIBIT_UNKNOWN_ALERT;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        AlertDelivery delivery = context.delivery();
        List<Diagnostic> out = new ArrayList<>();
        for (ResolvedInhibition inhibition : delivery.inhibitions()) {
            for (InhibitionTarget target : inhibition.targets()) {
                if (target.alert() == null) {
                    out.add(unknown(target.written(), delivery));
                }
            }
        }
        for (RuleInfo rule : context.alerts()) {
            for (DeliveryTest test : ((AlertRule) rule.rule()).deliveryTests()) {
                for (DeliveryExpectation expectation : test.expectations()) {
                    if (expectation instanceof InhibitionExpectation e && !delivery.alertsByName().containsKey(e.target().text())) {
                        out.add(unknown(e.target(), delivery));
                    }
                }
            }
        }
        return out;
    }

    private static Diagnostic unknown(Ident name, AlertDelivery delivery) {
        return Diagnostic.of(CODE, Severity.ERROR, name.span(), "no alert is named " + name.text(),
                DidYouMean.suggest(name.text(), delivery.alertsByName().keySet()).map(s -> "did you mean " + s + "?")
                        .orElse("name an alert of the pack (imported files count)"));
    }
}
