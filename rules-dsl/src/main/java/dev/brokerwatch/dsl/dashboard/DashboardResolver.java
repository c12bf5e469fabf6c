package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.DashboardDecl;
import dev.brokerwatch.dsl.ast.DashboardElement;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.LinkDecl;
import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.PanelBody;
import dev.brokerwatch.dsl.ast.PanelDecl;
import dev.brokerwatch.dsl.ast.PanelItem;
import dev.brokerwatch.dsl.ast.PanelKind;
import dev.brokerwatch.dsl.ast.PanelQuery;
import dev.brokerwatch.dsl.ast.PanelTemplateDecl;
import dev.brokerwatch.dsl.ast.PanelUse;
import dev.brokerwatch.dsl.ast.ParamLiteral;
import dev.brokerwatch.dsl.ast.RowDecl;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.ThresholdStep;
import dev.brokerwatch.dsl.ast.VariableDecl;
import dev.brokerwatch.dsl.ast.VariableSource;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.Analysis;
import dev.brokerwatch.dsl.semantics.Analyzer;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns dashboard declarations into laid-out dashboards: expands panel templates, resolves every
 * {@code $name} ({@link DashboardScope}), renders and analyses every query, resolves links, lays panels out
 * on the grid and numbers them. Problems met on the way (an unknown template, a wrong argument count) become
 * diagnostics; checks then read the result.
 */
public final class DashboardResolver {
    public static final CheckCode TEMPLATE_CODE = CheckCode.DASHBOARD_TEMPLATE;
    static final String DEFAULT_TIME = "now-6h";
    static final String DEFAULT_REFRESH = "30s";
    static final String DEFAULT_DATASOURCE = "datasource";

    private final Params params;
    private final Catalog catalog;
    private final List<Diagnostic> diagnostics;
    private final Map<String, PanelTemplateDecl> templates = new LinkedHashMap<>();
    private final Map<String, AlertRule> alerts = new LinkedHashMap<>();
    private final Map<String, String> pathsByName = new LinkedHashMap<>();

    private DashboardResolver(Params params, Catalog catalog, List<Diagnostic> diagnostics) {
        this.params = params;
        this.catalog = catalog;
        this.diagnostics = diagnostics;
    }

    public static List<Dashboard> resolve(List<BwFile> files, List<GroupDecl> groups, Params params, Catalog catalog,
                                          List<Diagnostic> diagnostics) {
        DashboardResolver r = new DashboardResolver(params, catalog, diagnostics);
        List<DashboardDecl> decls = new ArrayList<>();
        for (BwFile file : files) {
            for (Statement s : file.statements()) {
                if (s instanceof PanelTemplateDecl t) {
                    r.templates.putIfAbsent(t.name().text(), t);
                } else if (s instanceof DashboardDecl d) {
                    decls.add(d);
                }
            }
        }
        for (GroupDecl g : groups) {
            for (Rule rule : g.rules()) {
                if (rule instanceof AlertRule a) {
                    r.alerts.putIfAbsent(a.name().text(), a);
                }
            }
        }
        for (DashboardDecl d : decls) {
            r.pathsByName.putIfAbsent(d.name().text(), "/d/" + uidOf(d) + "/" + Slug.of(titleOf(d)));
        }
        return decls.stream().map(r::dashboard).toList();
    }

    public static String uidOf(DashboardDecl d) {
        return d.uid() != null ? d.uid().value() : d.name().text().replaceAll("[^a-zA-Z0-9_-]", "-");
    }

    static String titleOf(DashboardDecl d) {
        return d.title() != null ? d.title().value() : d.name().text();
    }

    // ---- one dashboard -----------------------------------------------------------------------------

    private final class Builder {
        final DashboardDecl decl;
        final DashboardScope scope;
        final List<VariableUse> uses = new ArrayList<>();
        final Set<Integer> explicitIds = new HashSet<>();
        int nextId = 1;

        Builder(DashboardDecl decl, DashboardScope scope) {
            this.decl = decl;
            this.scope = scope;
        }

        int id(NumberLit explicit) {
            if (explicit != null) {
                return (int) explicit.value();
            }
            while (explicitIds.contains(nextId)) {
                nextId++;
            }
            return nextId++;
        }

        /** Records every reference in a string written in the source, resolved in {@code in}. */
        void usesIn(StringLit text, DashboardScope in, boolean query) {
            if (text == null) {
                return;
            }
            Span span = text.span();
            String raw = span.text();
            for (VariableRefs.Ref ref : VariableRefs.find(raw)) {
                uses.add(new VariableUse(ref.name(), new Span(span.file(), span.start() + ref.start(), span.start() + ref.end()),
                        in.kindOf(ref.name()), query));
            }
        }

        void usesInQuery(Expr expr, DashboardScope in) {
            QuerySites sites = QuerySites.of(expr);
            recordSites(sites, in);
        }

        void recordSites(QuerySites sites, DashboardScope in) {
            for (QuerySites.RefSite site : sites.refs) {
                uses.add(new VariableUse(site.ref().name(), site.ref().span(), in.kindOf(site.ref().name()), true));
            }
            for (StringLit s : sites.strings) {
                usesIn(s, in, true);
            }
        }
    }

    private Dashboard dashboard(DashboardDecl d) {
        Set<String> variableNames = new TreeSet<>();
        d.variables().forEach(v -> variableNames.add(v.name().text()));
        String datasource = d.datasource() != null ? d.datasource().text() : DEFAULT_DATASOURCE;
        variableNames.add(datasource);
        Builder b = new Builder(d, new DashboardScope(Map.of(), variableNames, params));
        collectExplicitIds(d, b);

        List<DashboardVariable> variables = d.variables().stream().map(v -> variable(v, b)).toList();
        List<ResolvedLink> links = d.links().stream().map(l -> link(l, b.scope, b)).toList();
        b.usesIn(d.title(), b.scope, false);
        b.usesIn(d.description(), b.scope, false);

        List<DashboardPanel> panels = new ArrayList<>();
        int y = 0;
        List<PanelItem> loose = new ArrayList<>();
        for (DashboardElement e : d.elements()) {
            if (e instanceof PanelItem p) {
                loose.add(p);
                continue;
            }
            y = flush(loose, y, panels, b);
            RowDecl row = (RowDecl) e;
            int rowId = b.id(null);
            b.usesIn(row.title(), b.scope, false);
            List<DashboardPanel> children = new ArrayList<>();
            GridLayout layout = new GridLayout(y + 1);
            reservePlacements(row.panels(), layout);
            for (PanelItem item : row.panels()) {
                DashboardPanel p = panel(item, layout, b);
                if (p != null) {
                    children.add(p);
                }
            }
            panels.add(new DashboardPanel(rowId, null, b.scope.interpolate(row.title().value()), new GridPos(0, y, GridPos.COLUMNS, 1),
                    null, List.of(), null, null, null, null, List.of(), null, List.of(), null, row.collapsed(),
                    row.collapsed() ? children : List.of(), row.span()));
            if (!row.collapsed()) {
                panels.addAll(children);
                y = layout.bottom();
            } else {
                y = y + 1;
            }
        }
        flush(loose, y, panels, b);
        String title = b.scope.interpolate(titleOf(d));
        return new Dashboard(d, uidOf(d), title, d.tags().stream().map(StringLit::value).toList(),
                d.description() == null ? "" : b.scope.interpolate(d.description().value()),
                d.time() == null ? DEFAULT_TIME : "now-" + d.time().text(),
                d.refresh() == null ? DEFAULT_REFRESH : d.refresh().text(), datasource, variables, links, panels, b.uses);
    }

    private int flush(List<PanelItem> loose, int y, List<DashboardPanel> panels, Builder b) {
        if (loose.isEmpty()) {
            return y;
        }
        GridLayout layout = new GridLayout(y);
        reservePlacements(loose, layout);
        for (PanelItem item : loose) {
            DashboardPanel p = panel(item, layout, b);
            if (p != null) {
                panels.add(p);
            }
        }
        loose.clear();
        return layout.bottom();
    }

    // exact placements first, so that packed panels written before them flow around them too
    private void reservePlacements(List<PanelItem> items, GridLayout layout) {
        for (PanelItem item : items) {
            PanelBody body = bodyOf(item);
            if (body.place() != null) {
                layout.reserve(body.place().x(), body.place().y(), body.place().w(), body.place().h());
            }
        }
    }

    private PanelBody bodyOf(PanelItem item) {
        if (item instanceof PanelDecl p) {
            return p.body();
        }
        PanelUse u = (PanelUse) item;
        PanelTemplateDecl t = templates.get(u.template().text());
        return t == null ? u.overrides() : t.panel().body().overriddenBy(u.overrides());
    }

    private void collectExplicitIds(DashboardDecl d, Builder b) {
        for (DashboardElement e : d.elements()) {
            List<PanelItem> items = e instanceof RowDecl r ? r.panels() : List.of((PanelItem) e);
            for (PanelItem item : items) {
                PanelBody body = bodyOf(item);
                if (body.id() != null) {
                    b.explicitIds.add((int) body.id().value());
                }
            }
        }
    }

    // ---- variables ---------------------------------------------------------------------------------

    private DashboardVariable variable(VariableDecl v, Builder b) {
        String label = v.label() != null ? v.label().value() : null;
        b.usesIn(v.label(), b.scope, false);
        b.usesIn(v.regex(), b.scope, false);
        if (v.source() instanceof VariableSource.LabelValues lv) {
            String query;
            Expr checked = null;
            Analysis analysis = null;
            if (lv.selector() != null) {
                QuerySites sites = new QuerySites();
                sites.selector(lv.selector());
                b.recordSites(sites, b.scope);
                VectorSelector rewritten = QueryRewriter.rewrite(lv.selector(), b.scope);
                checked = rewritten;
                analysis = Analyzer.analyze(rewritten, catalog, params, diagnostics);
                query = "label_values(" + QueryText.render(lv.selector(), b.scope) + ", " + lv.label().text() + ")";
            } else {
                query = "label_values(" + lv.label().text() + ")";
            }
            return new DashboardVariable(v, v.name().text(), label, DashboardVariable.Kind.QUERY, query, List.of(), checked, analysis);
        }
        if (v.source() instanceof VariableSource.Custom c) {
            return new DashboardVariable(v, v.name().text(), label, DashboardVariable.Kind.CUSTOM, null,
                    c.values().stream().map(StringLit::value).toList(), null, null);
        }
        VariableSource.Interval i = (VariableSource.Interval) v.source();
        return new DashboardVariable(v, v.name().text(), label, DashboardVariable.Kind.INTERVAL, null,
                i.values().stream().map(dl -> dl.text()).toList(), null, null);
    }

    // ---- panels ------------------------------------------------------------------------------------

    private DashboardPanel panel(PanelItem item, GridLayout layout, Builder b) {
        PanelKind kind;
        StringLit title;
        PanelBody body;
        DashboardScope scope = b.scope;
        Span span = item.span();
        if (item instanceof PanelDecl p) {
            kind = p.kind();
            title = p.title();
            body = p.body();
        } else {
            PanelUse use = (PanelUse) item;
            PanelTemplateDecl template = templates.get(use.template().text());
            if (template == null) {
                diagnostics.add(Diagnostic.of(TEMPLATE_CODE, Severity.ERROR, use.template().span(),
                        "unknown panel template " + use.template().text(),
                        DidYouMean.suggest(use.template().text(), templates.keySet()).map(s -> "did you mean " + s + "?")
                                .orElse("declare it: template " + use.template().text() + "(...) timeseries \"...\" { ... }")));
                return null;
            }
            if (template.params().size() != use.args().size()) {
                diagnostics.add(Diagnostic.of(TEMPLATE_CODE, Severity.ERROR, use.span(),
                        "template " + template.name().text() + " takes " + template.params().size() + " argument"
                                + (template.params().size() == 1 ? "" : "s") + " but " + use.args().size()
                                + (use.args().size() == 1 ? " was" : " were") + " given",
                        "write use " + template.name().text() + "(" + String.join(", ", template.params().stream().map(Ident::text).toList()) + ")")
                        .withRelated(template.name().span(), "declared here"));
                return null;
            }
            Map<String, ParamLiteral> args = new LinkedHashMap<>();
            for (int i = 0; i < template.params().size(); i++) {
                args.put(template.params().get(i).text(), use.args().get(i));
            }
            scope = scope.withArgs(args);
            kind = template.panel().kind();
            title = use.title() != null ? use.title() : template.panel().title();
            body = template.panel().body().overriddenBy(use.overrides());
        }
        GridPos pos = body.place() != null
                ? layout.reserve(body.place().x(), body.place().y(), body.place().w(), body.place().h())
                : layout.next(body.width() != null ? (int) body.width().value() : kind.defaultWidth(),
                body.height() != null ? (int) body.height().value() : kind.defaultHeight());
        List<PanelTarget> targets = new ArrayList<>();
        char refId = 'A';
        for (PanelQuery q : body.queries()) {
            b.usesInQuery(q.expr(), scope);
            b.usesIn(q.legend(), scope, false);
            Expr checked = QueryRewriter.rewrite(q.expr(), scope);
            Analysis analysis = Analyzer.analyze(checked, catalog, params, diagnostics);
            targets.add(new PanelTarget(String.valueOf(refId++), q, QueryText.render(q.expr(), scope),
                    q.legend() == null ? null : scope.interpolate(q.legend().value()), q.instant(), checked, analysis));
        }
        b.usesIn(title, scope, false);
        b.usesIn(body.description(), scope, false);
        b.usesIn(body.content(), scope, false);
        List<Threshold> thresholds = new ArrayList<>();
        for (ThresholdStep step : body.thresholds()) {
            if (thresholds.isEmpty() && step.value() != null) {
                thresholds.add(new Threshold(null, "green")); // Grafana's first step has no value: the base colour
            }
            thresholds.add(new Threshold(thresholds.isEmpty() ? null : step.value() == null ? null : step.value().value(), step.color().text()));
        }
        DashboardScope finalScope = scope;
        List<ResolvedLink> links = body.links().stream().map(l -> link(l, finalScope, b)).toList();
        return new DashboardPanel(b.id(body.id()), kind, scope.interpolate(title.value()), pos,
                body.description() == null ? null : scope.interpolate(body.description().value()), targets,
                body.unit() == null ? null : body.unit().text(),
                body.decimals() == null ? null : body.decimals().value(),
                body.min() == null ? null : body.min().value(), body.max() == null ? null : body.max().value(),
                thresholds, body.stack(), links, body.content() == null ? null : scope.interpolate(body.content().value()),
                false, List.of(), span);
    }

    // ---- links -------------------------------------------------------------------------------------

    private ResolvedLink link(LinkDecl l, DashboardScope scope, Builder b) {
        b.usesIn(l.title(), scope, false);
        String title = scope.interpolate(l.title().value());
        return switch (l.kind()) {
            case DASHBOARD -> {
                String path = pathsByName.get(l.target().text());
                // carry the time range and every variable to the linked dashboard
                yield new ResolvedLink(title, path == null ? "" : path + "?${__url_time_range}&${__all_variables}", l);
            }
            case ALERT -> {
                AlertRule alert = alerts.get(l.target().text());
                yield new ResolvedLink(title, alert == null || alert.runbook() == null ? "" : alert.runbook().value(), l);
            }
            case URL -> {
                b.usesIn(l.url(), scope, false);
                yield new ResolvedLink(title, scope.interpolate(l.url().value()), l);
            }
        };
    }
}
