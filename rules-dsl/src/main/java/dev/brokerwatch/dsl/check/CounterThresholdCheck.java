package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import dev.brokerwatch.dsl.semantics.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw counter compared to a threshold: the counter only grows (and restarts at zero), so the comparison
 * flips once and never again; what is meant is nearly always its rate or increase.
 */
public final class CounterThresholdCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_COUNTER_THRESHOLD;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (!(node instanceof BinaryOp b) || !b.isComparison()) {
                    return;
                }
                var lhs = e.analysis().info(b.lhs());
                var rhs = e.analysis().info(b.rhs());
                boolean lhsRaw = lhs.rawCounter() && rhs.type() == ValueType.SCALAR;
                boolean rhsRaw = rhs.rawCounter() && lhs.type() == ValueType.SCALAR;
                if (lhsRaw || rhsRaw) {
                    var counter = lhsRaw ? b.lhs() : b.rhs();
                    out.add(Diagnostic.of(CODE, Severity.WARNING, counter.span(),
                            "the raw counter " + counter.span().text().strip() + " is compared to a threshold; it only grows, and restarts at zero",
                            counter instanceof dev.brokerwatch.dsl.ast.promql.VectorSelector
                                    ? "compare its increase instead, e.g. increase(" + counter.span().text().strip() + "[10m]) " + b.op() + " ..."
                                    : "apply increase(...[10m]) or rate(...[5m]) to the counter inside the aggregation, then compare"));
                }
            });
        }
        return out;
    }
}
