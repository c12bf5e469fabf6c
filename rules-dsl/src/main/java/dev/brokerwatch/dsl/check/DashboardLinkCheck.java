package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.LinkDecl;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.dashboard.DashboardPanel;
import dev.brokerwatch.dsl.dashboard.ResolvedLink;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links between dashboards and alerts resolve: a {@code link ... dashboard x} names a dashboard of the
 * pack, a {@code link ... alert X} an alert with a runbook, and in a pack with dashboards every alert has a
 * {@code dashboard} annotation ({@code /d/<uid>/<slug>?viewPanel=<id>}) that names an existing panel, so the
 * on-call engineer lands on the graph that explains the page.
 */
public final class DashboardLinkCheck implements Check {
    public static final CheckCode CODE = CheckCode.DASHBOARD_LINK;
    public static final String ANNOTATION = "dashboard";
    private static final Pattern PANEL_URL = Pattern.compile("/d/([a-zA-Z0-9_-]+)(?:/[^?#]*)?(?:\\?(?:.*&)?viewPanel=(?:panel-)?(\\d+))?");

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        List<Dashboard> dashboards = context.pack().dashboards();
        if (dashboards.isEmpty()) {
            return out;
        }
        Map<String, Dashboard> byUid = new LinkedHashMap<>();
        dashboards.forEach(d -> byUid.putIfAbsent(d.uid(), d));
        List<String> names = dashboards.stream().map(d -> d.decl().name().text()).toList();
        Map<String, AlertRule> alerts = new LinkedHashMap<>();
        context.alerts().forEach(r -> alerts.putIfAbsent(r.rule().name().text(), (AlertRule) r.rule()));
        for (Dashboard d : dashboards) {
            List<ResolvedLink> links = new ArrayList<>(d.links());
            d.allPanels().forEach(p -> links.addAll(p.links()));
            for (ResolvedLink link : links) {
                LinkDecl decl = link.decl();
                if (decl.kind() == LinkDecl.Kind.DASHBOARD && link.url().isEmpty()) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, decl.target().span(), "no dashboard named " + decl.target().text(),
                            DidYouMean.suggest(decl.target().text(), names).map(s -> "did you mean " + s + "?")
                                    .orElse("dashboards of this pack: " + String.join(", ", names))));
                } else if (decl.kind() == LinkDecl.Kind.ALERT) {
                    AlertRule alert = alerts.get(decl.target().text());
                    if (alert == null) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, decl.target().span(), "no alert named " + decl.target().text(),
                                DidYouMean.suggest(decl.target().text(), alerts.keySet()).map(s -> "did you mean " + s + "?")
                                        .orElse("a runbook link names an alert of the pack")));
                    } else if (alert.runbook() == null) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, decl.target().span(), "alert " + alert.name().text() + " has no runbook to link to",
                                "add runbook \"...\" to the alert, or link a url").withRelated(alert.name().span(), "alert declared here"));
                    }
                }
            }
        }
        for (RuleInfo rule : context.alerts()) {
            AlertRule alert = (AlertRule) rule.rule();
            Optional<KeyValue> annotation = alert.annotations().stream().filter(kv -> kv.key().text().equals(ANNOTATION)).findFirst();
            if (annotation.isEmpty()) {
                out.add(Diagnostic.of(CODE, Severity.WARNING, alert.name().span(), "alert " + alert.name().text()
                                + " has no dashboard link, though the pack has dashboards",
                        "point it at the panel that explains it: annotations { dashboard = \"/d/<uid>/<slug>?viewPanel=<id>\" }"));
                continue;
            }
            KeyValue kv = annotation.get();
            Matcher m = PANEL_URL.matcher(kv.value().value());
            if (!m.find()) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, kv.value().span(), "the dashboard annotation is not a Grafana dashboard URL",
                        "write /d/<uid>/<slug>?viewPanel=<id>"));
                continue;
            }
            Dashboard target = byUid.get(m.group(1));
            if (target == null) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, kv.value().span(), "no dashboard has uid " + m.group(1),
                        DidYouMean.suggest(m.group(1), byUid.keySet()).map(s -> "did you mean " + s + "?")
                                .orElse("dashboard uids: " + String.join(", ", byUid.keySet()))));
                continue;
            }
            if (m.group(2) != null) {
                String id = m.group(2);
                Optional<DashboardPanel> panel = panelId(id).flatMap(target::panel).filter(p -> !p.isRow());
                if (panel.isEmpty()) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, kv.value().span(), "dashboard " + target.uid() + " has no panel " + id,
                            "its panels: " + String.join(", ", target.allPanels().stream().filter(p -> !p.isRow())
                                    .map(p -> p.id() + " " + p.title()).toList())));
                }
            }
        }
        return out;
    }

    /** Empty for an id past int's range, which no panel has. */
    private static Optional<Integer> panelId(String digits) {
        try {
            return Optional.of(Integer.parseInt(digits));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }
}
