package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.gotemplate.GoTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * Go template syntax in annotations and labels, read as Prometheus reads it (Go's text/template parser with
 * Prometheus's functions and variables): Go's first error, at the place it finds it.
 */
public final class TemplateSyntaxCheck implements Check {
    public static final CheckCode CODE = CheckCode.TEMPLATE_SYNTAX;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (RuleInfo rule : context.alerts()) {
            for (StringLit template : TemplateSupport.templates((AlertRule) rule.rule())) {
                for (GoTemplate.Problem p : GoTemplate.read(template.value()).problems()) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, TemplateSupport.spanOf(template, p.offset(), p.length()), p.message(), p.hint()));
                }
            }
        }
        return out;
    }
}
