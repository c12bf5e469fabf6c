package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/** An alert without a severity, or with one outside the pack's {@code severities} list (routing would miss it). */
public final class SeverityCheck implements Check {
    public static final CheckCode CODE = CheckCode.RULE_SEVERITY;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        List<String> allowed = context.pack().severities();
        for (RuleInfo rule : context.alerts()) {
            AlertRule alert = (AlertRule) rule.rule();
            if (alert.severity() == null) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, alert.name().span(), "alert " + alert.name().text() + " has no severity",
                        "add severity " + String.join(" | ", allowed)));
            } else if (!allowed.contains(alert.severity().text())) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, alert.severity().span(), "severity " + alert.severity().text()
                                + " is not one of " + String.join(", ", allowed),
                        DidYouMean.suggest(alert.severity().text(), allowed).map(s -> "did you mean " + s + "? ").orElse("")
                                + "the set is declared with: severities " + String.join(", ", allowed)));
            }
            alert.labels().stream().filter(kv -> kv.key().text().equals("severity")).forEach(kv ->
                    out.add(Diagnostic.of(CODE, Severity.ERROR, kv.span(), "severity is set in labels { }",
                            "use the severity clause, so that it is checked against the allowed set")));
        }
        return out;
    }
}
