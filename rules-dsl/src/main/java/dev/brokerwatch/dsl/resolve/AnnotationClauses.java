package dev.brokerwatch.dsl.resolve;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.StringLit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code annotations { runbook_url = "..." }} is how Prometheus rule files spell a runbook, and how most people
 * write it; {@code summary} and {@code description} likewise. An alert that sets one of them there, and not by its
 * clause, gets it as the clause, so that every check and output treats both spellings alike. Given both ways, both
 * stay, and {@code rule/annotations} reports it.
 */
public final class AnnotationClauses {
    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    public static final String RUNBOOK = "runbook_url";

    private AnnotationClauses() {
    }

    public static AlertRule lift(AlertRule a) {
        List<KeyValue> rest = new ArrayList<>(a.annotations());
        StringLit summary = a.summary() != null ? a.summary() : take(rest, SUMMARY);
        StringLit description = a.description() != null ? a.description() : take(rest, DESCRIPTION);
        StringLit runbook = a.runbook() != null ? a.runbook() : take(rest, RUNBOOK);
        if (rest.size() == a.annotations().size()) {
            return a;
        }
        return new AlertRule(a.span(), a.name(), a.expr(), a.forDuration(), a.keepFiringFor(), a.severity(), a.labels(),
                summary, description, runbook, rest, a.tests(), a.inhibits(), a.deliveryTests());
    }

    /** Removes the first annotation named {@code key} and returns its value, or null. */
    private static StringLit take(List<KeyValue> annotations, String key) {
        for (int i = 0; i < annotations.size(); i++) {
            if (annotations.get(i).key().text().equals(key)) {
                return annotations.remove(i).value();
            }
        }
        return null;
    }
}
