package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.delivery.AlertDelivery;
import dev.brokerwatch.dsl.delivery.ResolvedInhibition;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code on} label of an inhibition that the source's or a target's result does not carry. Alertmanager compares
 * a missing label as the empty value: missing on one side, the inhibition never applies; missing on both, it applies
 * across every value, for example every cluster. {@code on ()} is the second case for every label.
 */
public final class InhibitLabelCheck implements Check {
    public static final CheckCode CODE = CheckCode.INHIBIT_LABEL;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (ResolvedInhibition inhibition : context.delivery().inhibitions()) {
            String source = inhibition.source().rule().name().text();
            if (inhibition.declaration().on().isEmpty()) {
                out.add(Diagnostic.of(CODE, Severity.WARNING, inhibition.declaration().span(),
                        source + " inhibits its targets everywhere: on () compares no label",
                        "name the labels that tie a symptom to its cause, e.g. on ($cluster_labels)"));
                continue;
            }
            check(inhibition, inhibition.source(), "source", out);
            for (RuleInfo target : inhibition.knownTargets()) {
                check(inhibition, target, "target", out);
            }
        }
        return out;
    }

    private static void check(ResolvedInhibition inhibition, RuleInfo alert, String role, List<Diagnostic> out) {
        LabelFlow labels = AlertDelivery.labelsOf(alert);
        if (labels.open()) {
            return;
        }
        String name = alert.rule().name().text();
        for (String label : inhibition.equal()) {
            if (labels.has(label)) {
                continue;
            }
            Span removed = labels.removedAt().get(label);
            Diagnostic d = Diagnostic.of(CODE, Severity.ERROR, inhibition.declaration().span(),
                    "on (" + label + "): the " + role + " " + name + " never carries " + label + " (its result has "
                            + String.join(", ", labels.labels()) + "), so Alertmanager compares an empty value",
                    removed != null ? "keep " + label + " in " + name + "'s aggregation, or inhibit on labels both alerts keep"
                            : "inhibit on labels both alerts carry, or give " + name + " the label");
            out.add(removed != null ? d.withRelated(removed, label + " is dropped here") : d);
        }
    }
}
