package dev.brokerwatch.dsl.delivery;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.Inhibition;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.RoutingDecl;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.compile.ExprText;
import dev.brokerwatch.dsl.compile.Pack;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.semantics.Analyzer;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a pack's alerts are delivered: its inhibitions with their names resolved, and its routing. Derived from the
 * resolved pack, so checks and the Alertmanager emitter read one model.
 */
public record AlertDelivery(List<ResolvedInhibition> inhibitions, Routing routing, Map<String, RuleInfo> alertsByName,
                            List<RoutingDecl> routingDeclarations) {

    /** Labels Alertmanager sees on every alert besides the expression's: Prometheus adds alertname. */
    public static final String ALERTNAME = "alertname";

    public AlertDelivery {
        inhibitions = List.copyOf(inhibitions);
        alertsByName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alertsByName));
        routingDeclarations = List.copyOf(routingDeclarations);
    }

    public static AlertDelivery of(Pack pack) {
        Map<String, RuleInfo> alerts = new LinkedHashMap<>();
        for (RuleInfo rule : pack.rules()) {
            if (rule.rule() instanceof AlertRule a) {
                alerts.putIfAbsent(a.name().text(), rule);
            }
        }
        List<ResolvedInhibition> inhibitions = new ArrayList<>();
        for (RuleInfo rule : pack.rules()) {
            if (rule.rule() instanceof AlertRule a) {
                for (Inhibition inhibition : a.inhibits()) {
                    List<InhibitionTarget> targets = new ArrayList<>();
                    for (Ident name : inhibition.targets()) {
                        targets.add(new InhibitionTarget(name, alerts.get(name.text())));
                    }
                    inhibitions.add(new ResolvedInhibition(rule, inhibition, targets,
                            distinct(Analyzer.labelNames(inhibition.on(), pack.params()))));
                }
            }
        }
        List<RoutingDecl> declarations = new ArrayList<>();
        for (BwFile file : pack.files()) {
            for (Statement s : file.statements()) {
                if (s instanceof RoutingDecl r) {
                    declarations.add(r);
                }
            }
        }
        RoutingDecl declared = declarations.isEmpty() ? null : declarations.get(0);
        List<String> groupBy = declared != null && declared.groupBy() != null
                ? distinct(Analyzer.labelNames(declared.groupBy(), pack.params())) : Routing.DEFAULT_GROUP_BY;
        List<String> page = declared != null && declared.page() != null
                ? declared.page().stream().map(Ident::text).distinct().toList() : Routing.DEFAULT_PAGE;
        List<GroupRoute> groups = new ArrayList<>();
        for (GroupDecl group : pack.groups()) {
            if (group.groupBy() == null) {
                continue;
            }
            List<String> names = pack.rulesOf(group).stream().filter(r -> r.rule() instanceof AlertRule)
                    .map(r -> r.rule().name().text()).distinct().toList();
            if (!names.isEmpty()) {
                groups.add(new GroupRoute(group, distinct(Analyzer.labelNames(group.groupBy(), pack.params())), names));
            }
        }
        Map<String, String> timing = new LinkedHashMap<>();
        if (declared != null) {
            timing(timing, "group_wait", declared.groupWait(), pack);
            timing(timing, "group_interval", declared.groupInterval(), pack);
            timing(timing, "repeat_interval", declared.repeatInterval(), pack);
        }
        return new AlertDelivery(inhibitions, new Routing(declared, groupBy, page, groups, timing), alerts,
                declarations);
    }

    private static void timing(Map<String, String> timing, String key, DurationRef ref, Pack pack) {
        if (ref != null) {
            timing.put(key, ExprText.duration(ref, pack.params()));
        }
    }

    /**
     * The labels an alert reaches Alertmanager with: its expression's result labels, its static labels, severity
     * and alertname. Open when the expression's labels are not known (an unknown metric upstream).
     */
    public static LabelFlow labelsOf(RuleInfo alert) {
        AlertRule rule = (AlertRule) alert.rule();
        List<String> added = new ArrayList<>();
        added.add(ALERTNAME);
        if (rule.severity() != null) {
            added.add("severity");
        }
        rule.labels().stream().map(KeyValue::key).map(Ident::text).forEach(added::add);
        return alert.analysis().info(rule.expr()).labels().plus(added);
    }

    public boolean isEmpty() {
        return inhibitions.isEmpty() && routingDeclarations.isEmpty() && routing.groups().isEmpty();
    }

    private static List<String> distinct(List<String> labels) {
        return labels.stream().distinct().toList();
    }
}
