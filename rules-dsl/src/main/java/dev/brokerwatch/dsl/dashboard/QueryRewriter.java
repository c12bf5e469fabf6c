package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.DurationLit;
import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.LabelListLit;
import dev.brokerwatch.dsl.ast.LabelName;
import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.MatcherValue;
import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.ParamLiteral;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.Grouping;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.Modifiers;
import dev.brokerwatch.dsl.ast.promql.ParenExpr;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.ast.promql.UnaryOp;
import dev.brokerwatch.dsl.ast.promql.VectorMatching;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree the checks read for a panel query: template arguments become the literals they stand for, and a
 * variable inside a string (or bare as a matcher value) becomes the sample value {@code x}, so that every
 * alert check applies unchanged. Nodes keep their source spans, so problems point at what the user wrote.
 */
public final class QueryRewriter {
    static final String SAMPLE = "x";

    private final DashboardScope scope;

    private QueryRewriter(DashboardScope scope) {
        this.scope = scope;
    }

    public static Expr rewrite(Expr expr, DashboardScope scope) {
        return new QueryRewriter(scope).expr(expr);
    }

    public static VectorSelector rewrite(VectorSelector selector, DashboardScope scope) {
        return new QueryRewriter(scope).selector(selector);
    }

    private Expr expr(Expr e) {
        if (e instanceof ParamRef p && scope.kindOf(p.name()) == DashboardScope.Kind.ARGUMENT) {
            ParamLiteral arg = scope.args().get(p.name());
            if (arg instanceof NumberLit n) {
                return new NumberLit(p.span(), n.text(), n.value());
            }
            return new StringLit(p.span(), DashboardScope.literalText(arg));
        }
        if (e instanceof StringLit s) {
            return new StringLit(s.span(), sample(s.value()));
        }
        if (e instanceof ParenExpr p) {
            return new ParenExpr(p.span(), expr(p.inner()));
        }
        if (e instanceof UnaryOp u) {
            return new UnaryOp(u.span(), u.op(), expr(u.operand()));
        }
        if (e instanceof VectorSelector v) {
            return selector(v);
        }
        if (e instanceof MatrixSelector m) {
            return new MatrixSelector(m.span(), selector(m.selector()), duration(m.range()), modifiers(m.modifiers()));
        }
        if (e instanceof Subquery s) {
            return new Subquery(s.span(), expr(s.expr()), duration(s.range()), duration(s.step()), modifiers(s.modifiers()));
        }
        if (e instanceof Aggregation a) {
            Grouping g = a.grouping() == null ? null : new Grouping(a.grouping().span(), a.grouping().without(), labels(a.grouping().labels()));
            return new Aggregation(a.span(), a.operator(), g, a.param() == null ? null : expr(a.param()), expr(a.expr()));
        }
        if (e instanceof Call c) {
            return new Call(c.span(), c.function(), c.args().stream().map(this::expr).toList());
        }
        if (e instanceof BinaryOp b) {
            VectorMatching m = b.matching();
            VectorMatching matching = m == null ? null
                    : new VectorMatching(m.span(), m.on(), labels(m.labels()), m.cardinality(), labels(m.include()));
            return new BinaryOp(b.span(), b.op(), b.opSpan(), expr(b.lhs()), expr(b.rhs()), b.returnBool(), matching);
        }
        return e;
    }

    private VectorSelector selector(VectorSelector v) {
        List<LabelMatcher> matchers = new ArrayList<>();
        for (LabelMatcher m : v.matchers()) {
            matchers.add(new LabelMatcher(m.span(), m.label(), m.op(), matcherValue(m.value())));
        }
        return new VectorSelector(v.span(), v.name(), matchers, modifiers(v.modifiers()));
    }

    private MatcherValue matcherValue(MatcherValue value) {
        if (value instanceof StringLit s) {
            return new StringLit(s.span(), sample(s.value()));
        }
        ParamRef p = (ParamRef) value;
        return switch (scope.kindOf(p.name())) {
            case ARGUMENT -> new StringLit(p.span(), DashboardScope.literalText(scope.args().get(p.name())));
            case VARIABLE, BUILTIN -> new StringLit(p.span(), SAMPLE);
            default -> p;
        };
    }

    private DurationRef duration(DurationRef ref) {
        if (ref instanceof ParamRef p && scope.args().get(p.name()) instanceof DurationLit d) {
            return new DurationLit(p.span(), d.text(), d.millis());
        }
        return ref;
    }

    private Modifiers modifiers(Modifiers m) {
        return m.offset() == null ? m : m.withOffset(duration(m.offset()), m.negativeOffset());
    }

    private List<LabelRef> labels(List<LabelRef> refs) {
        List<LabelRef> out = new ArrayList<>();
        for (LabelRef ref : refs) {
            if (ref instanceof ParamRef p && scope.args().get(p.name()) instanceof LabelListLit list) {
                list.labels().forEach(l -> out.add(new LabelName(p.span(), l.text())));
            } else {
                out.add(ref);
            }
        }
        return out;
    }

    private String sample(String text) {
        return VariableRefs.replace(text, name -> switch (scope.kindOf(name)) {
            case ARGUMENT -> scope.textOf(name);
            case VARIABLE, BUILTIN -> SAMPLE;
            default -> null;
        });
    }
}
