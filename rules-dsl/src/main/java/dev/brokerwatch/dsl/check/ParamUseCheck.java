package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.AlertTest;
import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.Expectation;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.ast.RoutingDecl;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.Modifiers;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;

/** Every {@code $name}: the parameter exists, and holds the kind of value its place needs. */
public final class ParamUseCheck implements Check {

    private enum Kind {
        DURATION("a duration", ParamValue.DurationValue.class),
        NUMBER_OR_STRING("a number or a string", null),
        STRING("a string", ParamValue.StringValue.class),
        LABELS("a label list", ParamValue.LabelsValue.class);

        final String description;
        final Class<?> type;

        Kind(String description, Class<?> type) {
            this.description = description;
            this.type = type;
        }
    }

    @Override
    public List<Diagnostic> run(CheckContext context) {
        Params params = context.pack().params();
        List<Diagnostic> out = new ArrayList<>();
        for (RoutingDecl r : context.delivery().routingDeclarations()) {
            duration(r.groupWait(), params, out);
            duration(r.groupInterval(), params, out);
            duration(r.repeatInterval(), params, out);
        }
        for (GroupDecl g : context.pack().groups()) {
            duration(g.interval(), params, out);
            for (Rule r : g.rules()) {
                expr(r.expr(), params, out);
                if (r instanceof AlertRule a) {
                    duration(a.forDuration(), params, out);
                    duration(a.keepFiringFor(), params, out);
                    for (AlertTest t : a.tests()) {
                        duration(t.interval(), params, out);
                        for (Expectation e : t.expectations()) {
                            duration(e.at(), params, out);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void expr(Expr root, Params params, List<Diagnostic> out) {
        PromQlWalker.forEach(root, node -> {
            if (node instanceof ParamRef p) {
                use(p, Kind.NUMBER_OR_STRING, params, out);
            } else if (node instanceof VectorSelector v) {
                for (LabelMatcher m : v.matchers()) {
                    if (m.value() instanceof ParamRef p) {
                        use(p, Kind.STRING, params, out);
                    }
                }
                modifiers(v.modifiers(), params, out);
            } else if (node instanceof MatrixSelector m) {
                duration(m.range(), params, out);
                modifiers(m.modifiers(), params, out);
            } else if (node instanceof Subquery s) {
                duration(s.range(), params, out);
                duration(s.step(), params, out);
                modifiers(s.modifiers(), params, out);
            } else if (node instanceof Aggregation a && a.grouping() != null) {
                labels(a.grouping().labels(), params, out);
            } else if (node instanceof BinaryOp b && b.matching() != null) {
                labels(b.matching().labels(), params, out);
                labels(b.matching().include(), params, out);
            }
        });
    }

    private static void modifiers(Modifiers m, Params params, List<Diagnostic> out) {
        duration(m.offset(), params, out);
    }

    private static void labels(List<LabelRef> refs, Params params, List<Diagnostic> out) {
        for (LabelRef ref : refs) {
            if (ref instanceof ParamRef p) {
                use(p, Kind.LABELS, params, out);
            }
        }
    }

    private static void duration(DurationRef ref, Params params, List<Diagnostic> out) {
        if (ref instanceof ParamRef p) {
            use(p, Kind.DURATION, params, out);
        }
    }

    private static void use(ParamRef ref, Kind kind, Params params, List<Diagnostic> out) {
        var value = params.value(ref.name());
        if (value.isEmpty()) {
            out.add(Diagnostic.of(CheckCode.PARAM_UNKNOWN, Severity.ERROR, ref.span(), "unknown parameter $" + ref.name(),
                    DidYouMean.suggest(ref.name(), params.values().keySet()).map(s -> "did you mean $" + s + "?")
                            .orElse("declare it: param " + ref.name() + " = <default>")));
            return;
        }
        ParamValue v = value.get();
        boolean ok = kind == Kind.NUMBER_OR_STRING
                ? v instanceof ParamValue.NumberValue || v instanceof ParamValue.StringValue
                : kind.type.isInstance(v);
        if (!ok) {
            var declaration = params.declaration(ref.name());
            Diagnostic d = Diagnostic.of(CheckCode.PARAM_TYPE, Severity.ERROR, ref.span(),
                    "$" + ref.name() + " is " + v.kind() + ", but " + kind.description + " is needed here",
                    "use a parameter that holds " + kind.description);
            out.add(declaration.isPresent() ? d.withRelated(declaration.get().value().span(), "declared here") : d);
        }
    }
}
