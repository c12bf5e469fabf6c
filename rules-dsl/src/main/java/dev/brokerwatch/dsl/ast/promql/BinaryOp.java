package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.source.Span;
import java.util.Set;

/** {@code lhs op rhs}; matching is null when no {@code on}/{@code ignoring} was written. */
public record BinaryOp(Span span, String op, Span opSpan, Expr lhs, Expr rhs, boolean returnBool,
                       VectorMatching matching) implements Expr {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> SET_OPS = Set.of("and", "or", "unless");

    public boolean isComparison() {
        return COMPARISONS.contains(op);
    }

    public boolean isSetOperator() {
        return SET_OPS.contains(op);
    }
}
