package dev.brokerwatch.dsl.semantics;

import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.ParenExpr;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.ast.promql.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Visits every node of a PromQL expression, parents before children, in source order. */
public final class PromQlWalker {
    private PromQlWalker() {
    }

    public static void forEach(Expr expr, Consumer<Expr> visitor) {
        if (expr == null) {
            return;
        }
        visitor.accept(expr);
        for (Expr child : children(expr)) {
            forEach(child, visitor);
        }
    }

    public static List<Expr> children(Expr expr) {
        List<Expr> out = new ArrayList<>();
        if (expr instanceof ParenExpr p) {
            out.add(p.inner());
        } else if (expr instanceof UnaryOp u) {
            out.add(u.operand());
        } else if (expr instanceof MatrixSelector m) {
            out.add(m.selector());
        } else if (expr instanceof Subquery s) {
            out.add(s.expr());
        } else if (expr instanceof Aggregation a) {
            if (a.param() != null) {
                out.add(a.param());
            }
            out.add(a.expr());
        } else if (expr instanceof Call c) {
            out.addAll(c.args());
        } else if (expr instanceof BinaryOp b) {
            out.add(b.lhs());
            out.add(b.rhs());
        }
        return out;
    }

    /** The expression with parentheses peeled off. */
    public static Expr unwrap(Expr expr) {
        Expr e = expr;
        while (e instanceof ParenExpr p) {
            e = p.inner();
        }
        return e;
    }
}
