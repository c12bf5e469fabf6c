package dev.brokerwatch.dsl.semantics;

import dev.brokerwatch.dsl.ast.promql.Expr;
import java.util.IdentityHashMap;
import java.util.Map;

/** The analyser's facts about every node of one expression. */
public final class Analysis {
    private final Map<Expr, ExprInfo> infos = new IdentityHashMap<>();

    void put(Expr expr, ExprInfo info) {
        infos.put(expr, info);
    }

    /** The facts about a node of the analysed expression. */
    public ExprInfo info(Expr expr) {
        ExprInfo info = infos.get(expr);
        return info != null ? info : new ExprInfo(ValueType.INSTANT_VECTOR, LabelFlow.UNKNOWN, false);
    }
}
