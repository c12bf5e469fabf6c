package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.Modifiers;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * The places in a PromQL tree where a dashboard name can appear: every {@code $name} node with the kind
 * of value its place needs, and every string literal (whose text may hold {@code "$topic"}).
 */
final class QuerySites {
    enum Role { VALUE, MATCHER, DURATION, LABELS }

    record RefSite(ParamRef ref, Role role) {
    }

    final List<RefSite> refs = new ArrayList<>();
    final List<StringLit> strings = new ArrayList<>();

    static QuerySites of(Expr root) {
        QuerySites sites = new QuerySites();
        PromQlWalker.forEach(root, node -> sites.visit(node));
        return sites;
    }

    private void visit(Expr node) {
        if (node instanceof ParamRef p) {
            refs.add(new RefSite(p, Role.VALUE));
        } else if (node instanceof StringLit s) {
            strings.add(s);
        } else if (node instanceof VectorSelector v) {
            selector(v);
        } else if (node instanceof MatrixSelector m) {
            duration(m.range());
            modifiers(m.modifiers());
        } else if (node instanceof Subquery s) {
            duration(s.range());
            duration(s.step());
            modifiers(s.modifiers());
        } else if (node instanceof Aggregation a && a.grouping() != null) {
            labels(a.grouping().labels());
        } else if (node instanceof BinaryOp b && b.matching() != null) {
            labels(b.matching().labels());
            labels(b.matching().include());
        }
    }

    void selector(VectorSelector v) {
        for (LabelMatcher m : v.matchers()) {
            if (m.value() instanceof ParamRef p) {
                refs.add(new RefSite(p, Role.MATCHER));
            } else if (m.value() instanceof StringLit s) {
                strings.add(s);
            }
        }
        modifiers(v.modifiers());
    }

    private void modifiers(Modifiers m) {
        duration(m.offset());
    }

    private void duration(DurationRef ref) {
        if (ref instanceof ParamRef p) {
            refs.add(new RefSite(p, Role.DURATION));
        }
    }

    private void labels(List<LabelRef> list) {
        for (LabelRef ref : list) {
            if (ref instanceof ParamRef p) {
                refs.add(new RefSite(p, Role.LABELS));
            }
        }
    }
}
