package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.AnnotationClauses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An alert without summary, description or runbook: whoever is paged needs all three. */
public final class AnnotationsCheck implements Check {
    public static final CheckCode CODE = CheckCode.RULE_ANNOTATIONS;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (RuleInfo rule : context.alerts()) {
            AlertRule alert = (AlertRule) rule.rule();
            if (alert.summary() == null) {
                out.add(missing(alert, "summary", "a one-line summary with the affected pod, e.g. summary \"{{ $labels.pod }} is down\""));
            }
            if (alert.description() == null) {
                out.add(missing(alert, "description", "what is wrong, why it matters, the value: description \"...{{ $value }}...\""));
            }
            if (alert.runbook() == null) {
                out.add(missing(alert, "runbook", "a link to what to do: runbook \"https://.../runbooks#" + alert.name().text().toLowerCase() + "\""));
            }
            Set<String> seen = new HashSet<>();
            for (KeyValue kv : alert.annotations()) {
                String key = kv.key().text();
                String clause = clauseOf(key);
                if (clause != null) {
                    // lifted into the clause unless the clause is there too (AnnotationClauses)
                    out.add(Diagnostic.of(CODE, Severity.ERROR, kv.key().span(), "annotation " + key + " is set twice: by the "
                                    + clause + " clause and in annotations { }",
                            "keep one; " + clause + " \"...\" and annotations { " + key + " = \"...\" } mean the same"));
                } else if (!seen.add(key)) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, kv.key().span(), "annotation " + key + " is set twice", "keep one"));
                }
            }
        }
        return out;
    }

    private static String clauseOf(String annotation) {
        return switch (annotation) {
            case AnnotationClauses.SUMMARY -> "summary";
            case AnnotationClauses.DESCRIPTION -> "description";
            case AnnotationClauses.RUNBOOK -> "runbook";
            default -> null;
        };
    }

    private static Diagnostic missing(AlertRule alert, String what, String hint) {
        return Diagnostic.of(CODE, Severity.WARNING, alert.name().span(), "alert " + alert.name().text() + " has no " + what, "add " + hint);
    }
}
