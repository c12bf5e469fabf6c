package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.LabelName;
import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.VectorMatching;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.Analysis;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import dev.brokerwatch.dsl.semantics.ValueType;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code by}, {@code without}, {@code on}, {@code ignoring} or {@code group_left/right} naming a label the
 * operand does not carry. {@code by (pod)} over series without {@code pod} silently groups everything
 * under {@code pod=""}; {@code on (pod)} with a side lacking it matches nothing, so the alert can never fire.
 */
public final class GroupingLabelCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_GROUPING_LABEL;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Params params = context.pack().params();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            Analysis analysis = e.analysis();
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof Aggregation a && a.grouping() != null) {
                    LabelFlow operand = analysis.info(a.expr()).labels();
                    Severity severity = a.grouping().without() ? Severity.WARNING : Severity.ERROR;
                    for (Named label : names(a.grouping().labels(), params)) {
                        if (!operand.has(label.name)) {
                            out.add(missing(label, operand, a.expr(), severity, a.grouping().without()
                                    ? "without (" + label.name + ") removes a label that is not there; drop it from the list"
                                    : "every series would be grouped under " + label.name + "=\"\"; group by a label the series have"));
                        }
                    }
                } else if (node instanceof BinaryOp b && b.matching() != null) {
                    VectorMatching m = b.matching();
                    var lhs = analysis.info(b.lhs());
                    var rhs = analysis.info(b.rhs());
                    if (lhs.type() != ValueType.INSTANT_VECTOR || rhs.type() != ValueType.INSTANT_VECTOR) {
                        return;
                    }
                    for (Named label : names(m.labels(), params)) {
                        for (var side : List.of(new Side(b.lhs(), lhs.labels(), "left"), new Side(b.rhs(), rhs.labels(), "right"))) {
                            if (!side.labels.has(label.name)) {
                                out.add(missing(label, side.labels, side.expr, m.on() ? Severity.ERROR : Severity.WARNING, m.on()
                                        ? "the " + side.name + " side has no " + label.name + ", so no series match and the result is always empty"
                                        : "ignoring (" + label.name + ") names a label the " + side.name + " side does not have"));
                            }
                        }
                    }
                    Side one = m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? new Side(b.rhs(), rhs.labels(), "right")
                            : new Side(b.lhs(), lhs.labels(), "left");
                    for (Named label : names(m.include(), params)) {
                        if (!one.labels.has(label.name)) {
                            out.add(missing(label, one.labels, one.expr, Severity.ERROR,
                                    "group_left/group_right copy labels from the " + one.name + " side, which has no " + label.name));
                        }
                    }
                }
            });
        }
        return out;
    }

    private record Side(Expr expr, LabelFlow labels, String name) {
    }

    private record Named(String name, Span span) {
    }

    private static List<Named> names(List<LabelRef> refs, Params params) {
        List<Named> out = new ArrayList<>();
        for (LabelRef ref : refs) {
            if (ref instanceof LabelName n) {
                out.add(new Named(n.text(), n.span()));
            } else if (ref instanceof ParamRef p) {
                params.value(p.name()).filter(v -> v instanceof ParamValue.LabelsValue)
                        .ifPresent(v -> ((ParamValue.LabelsValue) v).labels().forEach(l -> out.add(new Named(l, p.span()))));
            }
        }
        return out;
    }

    private static Diagnostic missing(Named label, LabelFlow flow, Expr operand, Severity severity, String hint) {
        Diagnostic d = Diagnostic.of(CODE, severity, label.span(),
                "label " + label.name + " is not on the operand " + abbreviate(operand.span().text())
                        + (flow.labels().isEmpty() ? " (it has no labels)" : " (it has " + String.join(", ", flow.labels()) + ")"), hint);
        Span removed = flow.removedAt().get(label.name);
        return removed != null ? d.withRelated(removed, label.name + " is dropped here") : d;
    }

    static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
