package dev.brokerwatch.dsl.compile;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.resolve.Params;
import java.util.List;

/**
 * A resolved pack: its files, parameter values, the full catalog (recording-rule outputs included), its
 * rule groups with the analysis of every rule, the severities alerts may use, and its dashboards, resolved
 * and laid out.
 */
public record Pack(List<BwFile> files, Params params, Catalog catalog, List<GroupDecl> groups, List<RuleInfo> rules,
                   SeverityScopes severities, List<Dashboard> dashboards) {
    public Pack {
        dashboards = List.copyOf(dashboards);
        files = List.copyOf(files);
        groups = List.copyOf(groups);
        rules = List.copyOf(rules);
    }

    /** A pack without dashboards. */
    public Pack(List<BwFile> files, Params params, Catalog catalog, List<GroupDecl> groups, List<RuleInfo> rules,
                SeverityScopes severities) {
        this(files, params, catalog, groups, rules, severities, List.of());
    }

    public List<RuleInfo> rulesOf(GroupDecl group) {
        return rules.stream().filter(r -> r.group() == group).toList();
    }
}
