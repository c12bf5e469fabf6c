package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.SeveritiesDecl;
import dev.brokerwatch.dsl.ast.Statement;
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
        for (RuleInfo rule : context.alerts()) {
            AlertRule alert = (AlertRule) rule.rule();
            SeveritiesDecl declared = context.pack().severities().declarationFor(alert.span().file());
            List<String> allowed = context.pack().severities().allowedIn(alert.span().file());
            if (alert.severity() == null) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, alert.name().span(), "alert " + alert.name().text() + " has no severity",
                        "add severity " + String.join(" | ", allowed)));
            } else if (!allowed.contains(alert.severity().text())) {
                Diagnostic d = Diagnostic.of(CODE, Severity.ERROR, alert.severity().span(), "severity " + alert.severity().text()
                                + " is not one of " + String.join(", ", allowed),
                        DidYouMean.suggest(alert.severity().text(), allowed).map(s -> "did you mean " + s + "? ").orElse("")
                                + (declared == null
                                ? "without a severities line in this file or a file importing it, the set is critical, warning, info"
                                : "the set is declared with: severities " + String.join(", ", allowed)));
                out.add(declared == null ? d : d.withRelated(declared.span(), "the severities that hold for this alert"));
            }
            alert.labels().stream().filter(kv -> kv.key().text().equals("severity")).forEach(kv ->
                    out.add(Diagnostic.of(CODE, Severity.ERROR, kv.span(), "severity is set in labels { }",
                            "use the severity clause, so that it is checked against the allowed set")));
        }
        for (BwFile file : context.pack().files()) {
            SeveritiesDecl first = null;
            for (Statement s : file.statements()) {
                if (s instanceof SeveritiesDecl sev) {
                    if (first == null) {
                        first = sev;
                    } else {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, sev.span(),
                                "a second severities line in this file: only the first one would hold",
                                "keep one severities line per file; it holds for this file's alerts and those of the files it imports")
                                .withRelated(first.span(), "the first severities line"));
                    }
                }
            }
        }
        return out;
    }
}
