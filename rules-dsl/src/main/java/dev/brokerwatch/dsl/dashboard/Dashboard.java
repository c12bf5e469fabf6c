package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.DashboardDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resolved dashboard: settings with defaults applied, variables, links and laid-out panels (rows and
 * panels in Grafana's order). {@code path()} is the URL path Grafana serves it at.
 */
public record Dashboard(DashboardDecl decl, String uid, String title, List<String> tags, String description,
                        String timeFrom, String refresh, String datasourceVariable, List<DashboardVariable> variables,
                        List<ResolvedLink> links, List<DashboardPanel> panels, List<VariableUse> uses) {
    public Dashboard {
        tags = List.copyOf(tags);
        variables = List.copyOf(variables);
        links = List.copyOf(links);
        panels = List.copyOf(panels);
        uses = List.copyOf(uses);
    }

    public String slug() {
        return Slug.of(title);
    }

    public String path() {
        return "/d/" + uid + "/" + slug();
    }

    /** Every panel and row, collapsed rows' panels included, in order. */
    public List<DashboardPanel> allPanels() {
        List<DashboardPanel> out = new ArrayList<>();
        for (DashboardPanel p : panels) {
            out.add(p);
            out.addAll(p.children());
        }
        return out;
    }

    public Optional<DashboardPanel> panel(int id) {
        return allPanels().stream().filter(p -> p.id() == id).findFirst();
    }
}
