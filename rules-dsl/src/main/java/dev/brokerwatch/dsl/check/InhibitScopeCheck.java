package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.delivery.AlertDelivery;
import dev.brokerwatch.dsl.delivery.InhibitionTarget;
import dev.brokerwatch.dsl.delivery.ResolvedInhibition;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source that cannot fire while its target fires: an {@code on} label both carry but with a value fixed
 * differently on each side (a static label, or an equality matcher every selector of the expression has), so their
 * label scopes are disjoint and the inhibition never applies.
 */
public final class InhibitScopeCheck implements Check {
    public static final CheckCode CODE = CheckCode.INHIBIT_SCOPE;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        Params params = context.pack().params();
        List<Diagnostic> out = new ArrayList<>();
        for (ResolvedInhibition inhibition : context.delivery().inhibitions()) {
            RuleInfo source = inhibition.source();
            for (InhibitionTarget target : inhibition.targets()) {
                if (target.alert() == null) {
                    continue;
                }
                for (String label : inhibition.equal()) {
                    if (!AlertDelivery.labelsOf(source).has(label) || !AlertDelivery.labelsOf(target.alert()).has(label)) {
                        continue; // inhibit/label reports it
                    }
                    Optional<String> sourceValue = fixedValue(source, label, params);
                    Optional<String> targetValue = fixedValue(target.alert(), label, params);
                    if (sourceValue.isPresent() && targetValue.isPresent() && !sourceValue.get().equals(targetValue.get())) {
                        out.add(Diagnostic.of(CODE, Severity.WARNING, target.written().span(),
                                source.rule().name().text() + " always has " + label + "=\"" + sourceValue.get() + "\" and "
                                        + target.written().text() + " always has " + label + "=\"" + targetValue.get()
                                        + "\": the inhibition on " + label + " never applies",
                                "inhibit on labels the two alerts can share, or drop " + target.written().text()
                                        + " from this list"));
                    }
                }
            }
        }
        return out;
    }

    /** The one value {@code label} can take on the alert's result, when its rule or every selector fixes it. */
    static Optional<String> fixedValue(RuleInfo alert, String label, Params params) {
        AlertRule rule = (AlertRule) alert.rule();
        for (KeyValue kv : rule.labels()) {
            if (kv.key().text().equals(label)) {
                return kv.value().value().contains("{{") ? Optional.empty() : Optional.of(kv.value().value());
            }
        }
        List<VectorSelector> selectors = new ArrayList<>();
        boolean[] rewritten = {false};
        PromQlWalker.forEach(rule.expr(), e -> {
            if (e instanceof VectorSelector v) {
                selectors.add(v);
            } else if (e instanceof Call c && c.function().text().startsWith("label_")) {
                rewritten[0] = true; // label_replace/label_join may write the label
            }
        });
        if (rewritten[0] || selectors.isEmpty()) {
            return Optional.empty();
        }
        String value = null;
        for (VectorSelector selector : selectors) {
            Optional<String> v = selector.matchers().stream()
                    .filter(m -> m.label().text().equals(label) && m.op() == LabelMatcher.MatchOp.EQ)
                    .map(m -> text(m, params)).flatMap(Optional::stream).findFirst();
            if (v.isEmpty() || (value != null && !value.equals(v.get()))) {
                return Optional.empty();
            }
            value = v.get();
        }
        return Optional.of(value);
    }

    private static Optional<String> text(LabelMatcher matcher, Params params) {
        if (matcher.value() instanceof StringLit s) {
            return Optional.of(s.value());
        }
        ParamRef ref = (ParamRef) matcher.value();
        return params.value(ref.name()).filter(v -> v instanceof ParamValue.StringValue)
                .map(v -> ((ParamValue.StringValue) v).value());
    }
}
