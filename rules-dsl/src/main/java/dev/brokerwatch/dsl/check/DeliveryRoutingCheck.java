package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.DeliveryExpectation;
import dev.brokerwatch.dsl.ast.DeliveryTest;
import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.ReceiverExpectation;
import dev.brokerwatch.dsl.ast.RoutingDecl;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.compile.ExprText;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.delivery.AlertDelivery;
import dev.brokerwatch.dsl.delivery.Routing;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Routing that cannot mean what it says: a second {@code routing} block (one route tree per pack), a {@code page}
 * severity no alert may take, a zero {@code group_interval} or {@code repeat_interval}, a delivery test expecting a receiver the emitted tree does not have.
 */
public final class DeliveryRoutingCheck implements Check {
    public static final CheckCode CODE = CheckCode.DELIVERY_ROUTING;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        AlertDelivery delivery = context.delivery();
        List<Diagnostic> out = new ArrayList<>();
        List<RoutingDecl> declarations = delivery.routingDeclarations();
        for (RoutingDecl extra : declarations.subList(Math.min(1, declarations.size()), declarations.size())) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, extra.span(), "a second routing block: a pack has one route tree",
                    "merge it into the first one").withRelated(declarations.get(0).span(), "the first routing block"));
        }
        if (!declarations.isEmpty() && declarations.get(0).page() != null) {
            List<String> allowed = context.pack().severities().allowedIn(declarations.get(0).span().file());
            for (Ident severity : declarations.get(0).page()) {
                if (!allowed.contains(severity.text())) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, severity.span(), "page " + severity.text()
                                    + ": no alert can have that severity (severities: " + String.join(", ", allowed) + ")",
                            DidYouMean.suggest(severity.text(), allowed).map(s -> "did you mean " + s + "?")
                                    .orElse("name one of the declared severities")));
                }
            }
        }
        if (!declarations.isEmpty()) {
            RoutingDecl first = declarations.get(0);
            nonZero(first.groupInterval(), "group_interval", context, out);
            nonZero(first.repeatInterval(), "repeat_interval", context, out);
        }
        for (RuleInfo rule : context.alerts()) {
            for (DeliveryTest test : ((AlertRule) rule.rule()).deliveryTests()) {
                for (DeliveryExpectation expectation : test.expectations()) {
                    if (expectation instanceof ReceiverExpectation r && !Routing.RECEIVERS.contains(r.receiver().text())) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, r.receiver().span(),
                                "no receiver is named " + r.receiver().text() + " (the route tree has "
                                        + String.join(", ", Routing.RECEIVERS) + ")",
                                DidYouMean.suggest(r.receiver().text(), Routing.RECEIVERS).map(s -> "did you mean " + s + "?")
                                        .orElse("expect one of the emitted receivers")));
                    }
                }
            }
        }
        return out;
    }

    /** Alertmanager refuses a config whose group_interval or repeat_interval is zero. */
    private static void nonZero(DurationRef ref, String clause, CheckContext context, List<Diagnostic> out) {
        if (ref != null && ExprText.durationMillis(ref, context.pack().params(), 1) == 0) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, ref.span(), clause + " is zero: Alertmanager refuses such a config",
                    "give it a positive duration (Alertmanager's default: " + ("group_interval".equals(clause) ? "5m" : "4h") + ")"));
        }
    }
}
