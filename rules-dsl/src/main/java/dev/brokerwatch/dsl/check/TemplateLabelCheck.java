package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.gotemplate.GoTemplate;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code $labels.x} in a template where the alert's expression cannot yield {@code x}: the text would say
 * "broker  is down" with an empty name. The note points at the aggregation that dropped the label.
 */
public final class TemplateLabelCheck implements Check {
    public static final CheckCode CODE = CheckCode.TEMPLATE_LABEL;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (RuleInfo rule : context.alerts()) {
            AlertRule alert = (AlertRule) rule.rule();
            LabelFlow flow = rule.analysis().info(alert.expr()).labels();
            if (flow.open()) {
                continue;
            }
            List<String> available = new ArrayList<>(flow.labels());
            // Prometheus expands templates with the sample's labels only: the rule's own labels are not in $labels
            for (StringLit template : TemplateSupport.templates(alert)) {
                for (GoTemplate.LabelReference ref : GoTemplate.read(template.value()).labels()) {
                    if (available.contains(ref.label())) {
                        continue;
                    }
                    Span at = TemplateSupport.spanOf(template, ref.offset(), ref.length());
                    Diagnostic d = Diagnostic.of(CODE, Severity.ERROR, at,
                            "$labels." + ref.label() + " is always empty: the expression's result has "
                                    + (flow.labels().isEmpty() ? "no labels" : "only " + String.join(", ", flow.labels())),
                            flow.removedAt().containsKey(ref.label())
                                    ? "keep " + ref.label() + " in the aggregation, e.g. by (..., " + ref.label() + ")"
                                    : "use a label the result has, or add " + ref.label() + " to the expression");
                    Span removed = flow.removedAt().get(ref.label());
                    out.add(removed != null ? d.withRelated(removed, ref.label() + " is dropped here") : d);
                }
            }
        }
        return out;
    }
}
