package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.dashboard.DashboardPanel;
import dev.brokerwatch.dsl.dashboard.PanelTarget;
import dev.brokerwatch.dsl.dashboard.VariableRefs;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A panel query whose result keeps a label with one value per topic, partition, consumer group or client,
 * with nothing bounding it: no variable filter and no fixed value on that label, no topk/bottomk/limitk.
 * On a big cluster such a panel draws thousands of series and times out.
 */
public final class UnboundedQueryCheck implements Check {
    public static final CheckCode CODE = CheckCode.DASHBOARD_UNBOUNDED_QUERY;

    /** Labels whose number of values grows with the workload, not with the number of brokers. */
    static final List<String> UNBOUNDED = List.of("topic", "partition", "consumergroup", "clientId", "client_id");

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Dashboard d : context.pack().dashboards()) {
            Set<String> variables = new HashSet<>();
            d.variables().forEach(v -> variables.add(v.name()));
            for (DashboardPanel panel : d.allPanels()) {
                for (PanelTarget t : panel.targets()) {
                    check(panel, t, variables, out);
                }
            }
        }
        return out;
    }

    private static void check(DashboardPanel panel, PanelTarget t, Set<String> variables, List<Diagnostic> out) {
        LabelFlow labels = t.analysis().info(t.checked()).labels();
        if (labels.open() || limited(t.checked())) {
            return;
        }
        Set<String> bounded = boundedLabels(t.query().expr(), variables);
        if (bounded.contains("topic")) {
            bounded.add("partition"); // a topic's partitions are a bounded few
        }
        for (String label : UNBOUNDED) {
            if (labels.has(label) && !bounded.contains(label)) {
                out.add(Diagnostic.of(CODE, Severity.WARNING, t.query().expr().span(),
                        "panel \"" + panel.title() + "\" returns one series per " + label + " with no variable filter on "
                                + label + ", which is unbounded on a big cluster",
                        "filter it, e.g. {" + label + "=~\"$" + label + "\"} with a variable " + label
                                + ", aggregate " + label + " away, or keep the largest with topk(10, ...)"));
                return;
            }
        }
    }

    private static boolean limited(Expr root) {
        Expr e = PromQlWalker.unwrap(root);
        while (e instanceof Call c && c.function().text().startsWith("sort") && c.args().size() == 1) {
            e = PromQlWalker.unwrap(c.args().get(0));
        }
        return e instanceof Aggregation a && List.of("topk", "bottomk", "limitk", "limit_ratio").contains(a.operator().text());
    }

    /** Labels some selector fixes to one value or filters with a dashboard variable. */
    private static Set<String> boundedLabels(Expr root, Set<String> variables) {
        Set<String> out = new HashSet<>();
        PromQlWalker.forEach(root, node -> {
            if (!(node instanceof VectorSelector v)) {
                return;
            }
            for (LabelMatcher m : v.matchers()) {
                boolean byVariable = m.value() instanceof ParamRef p ? variables.contains(p.name())
                        : VariableRefs.find(m.value().span().text()).stream().anyMatch(r -> variables.contains(r.name()));
                boolean fixed = m.op() == LabelMatcher.MatchOp.EQ && m.value() instanceof StringLit;
                if (byVariable || fixed) {
                    out.add(m.label().text());
                }
            }
        });
        return out;
    }
}
