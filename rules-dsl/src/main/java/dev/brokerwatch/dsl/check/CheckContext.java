package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.compile.Pack;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.delivery.AlertDelivery;
import dev.brokerwatch.dsl.dashboard.DashboardPanel;
import dev.brokerwatch.dsl.dashboard.DashboardVariable;
import dev.brokerwatch.dsl.dashboard.PanelTarget;
import dev.brokerwatch.dsl.semantics.Analysis;
import java.util.ArrayList;
import java.util.List;

/** What checks read: the resolved pack, plus the list of every PromQL expression to check with its analysis. */
public final class CheckContext {

    /** An expression to check, where it comes from, and its analysis. {@code rule} is null outside rules. */
    public record CheckedExpr(Expr expr, Analysis analysis, RuleInfo rule) {
    }

    private final Pack pack;
    private final List<CheckedExpr> expressions = new ArrayList<>();
    private AlertDelivery delivery;

    public CheckContext(Pack pack) {
        this(pack, List.of());
    }

    /** A pack plus expressions from outside it (queries of dashboards that are not .bw sources, when auditing). */
    public CheckContext(Pack pack, List<CheckedExpr> extra) {
        this.pack = pack;
        for (RuleInfo rule : pack.rules()) {
            expressions.add(new CheckedExpr(rule.rule().expr(), rule.analysis(), rule));
        }
        // dashboard queries get every expression check too, in their checked form (see PanelTarget)
        for (Dashboard dashboard : pack.dashboards()) {
            for (DashboardVariable v : dashboard.variables()) {
                if (v.selector() != null) {
                    expressions.add(new CheckedExpr(v.selector(), v.analysis(), null));
                }
            }
            for (DashboardPanel panel : dashboard.allPanels()) {
                for (PanelTarget target : panel.targets()) {
                    expressions.add(new CheckedExpr(target.checked(), target.analysis(), null));
                }
            }
        }
        expressions.addAll(extra);
    }

    public Pack pack() {
        return pack;
    }

    public List<CheckedExpr> expressions() {
        return expressions;
    }

    /** The pack's inhibitions and routing, resolved once for every check that reads them. */
    public AlertDelivery delivery() {
        if (delivery == null) {
            delivery = AlertDelivery.of(pack);
        }
        return delivery;
    }

    public List<RuleInfo> alerts() {
        return pack.rules().stream().filter(r -> r.rule() instanceof AlertRule).toList();
    }
}
