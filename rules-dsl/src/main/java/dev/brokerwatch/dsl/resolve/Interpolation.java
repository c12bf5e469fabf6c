package dev.brokerwatch.dsl.resolve;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} in annotation and label text is replaced by the parameter's value at compile time, so
 * that a runbook base URL or a threshold shown in a description follows {@code --set}. Go templates never
 * write {@code ${}, so the two cannot be confused. {@code $${name}} stands for the text {@code ${name}} itself
 * (what {@code brokerwatch import} writes for a rule file's literal {@code ${...}}).
 */
public final class Interpolation {
    private static final Pattern REF = Pattern.compile("\\$(\\$?)\\{([a-zA-Z_][a-zA-Z0-9_]*)}");

    private Interpolation() {
    }

    public static AlertRule apply(AlertRule a, Params params, List<Diagnostic> diagnostics) {
        return new AlertRule(a.span(), a.name(), a.expr(), a.forDuration(), a.keepFiringFor(), a.severity(),
                a.labels().stream().map(kv -> apply(kv, params, diagnostics)).toList(),
                apply(a.summary(), params, diagnostics), apply(a.description(), params, diagnostics),
                apply(a.runbook(), params, diagnostics),
                a.annotations().stream().map(kv -> apply(kv, params, diagnostics)).toList(), a.tests(), a.inhibits(),
                a.deliveryTests());
    }

    private static KeyValue apply(KeyValue kv, Params params, List<Diagnostic> diagnostics) {
        return new KeyValue(kv.span(), kv.key(), apply(kv.value(), params, diagnostics));
    }

    static StringLit apply(StringLit text, Params params, List<Diagnostic> diagnostics) {
        if (text == null || !text.value().contains("${")) {
            return text;
        }
        Matcher m = REF.matcher(text.value());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            var value = params.value(name);
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = m.group().substring(1); // $${name}: the text ${name}
            } else if (value.isEmpty()) {
                int at = text.span().text().indexOf(m.group());
                Span where = at < 0 ? text.span() : new Span(text.span().file(), text.span().start() + at, text.span().start() + at + m.group().length());
                diagnostics.add(Diagnostic.of(CheckCode.PARAM_UNKNOWN, Severity.ERROR, where, "unknown parameter ${" + name + "}",
                        DidYouMean.suggest(name, params.values().keySet()).map(s -> "did you mean ${" + s + "}?")
                                .orElse("declare it: param " + name + " = <default>")));
                replacement = m.group();
            } else if (value.get() instanceof ParamValue.StringValue s) {
                replacement = s.value();
            } else {
                replacement = value.get().promql();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new StringLit(text.span(), out.toString());
    }
}
