package dev.brokerwatch.dsl.compile;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.RecordingRule;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.ast.SeveritiesDecl;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.dashboard.DashboardResolver;
import dev.brokerwatch.dsl.catalog.CatalogBuilder;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.check.CheckContext;
import dev.brokerwatch.dsl.check.Checks;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.disable.DisableFilter;
import dev.brokerwatch.dsl.resolve.AnnotationClauses;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.resolve.Resolver;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import dev.brokerwatch.dsl.semantics.Analysis;
import dev.brokerwatch.dsl.semantics.Analyzer;
import dev.brokerwatch.dsl.semantics.ExprInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole front end: load and parse, resolve parameters, build the catalog, analyse every rule, run every
 * check, then drop what {@code # brokerwatch: disable} comments and {@code --disable} disable.
 */
public final class Frontend {

    private Frontend() {
    }

    public static CompileResult run(List<String> roots, SourceLoader loader, Map<String, String> overrides) {
        return run(roots, loader, overrides, Set.of());
    }

    /** As {@link #run(List, SourceLoader, Map)}, with codes disabled for the whole run (each must be disableable). */
    public static CompileResult run(List<String> roots, SourceLoader loader, Map<String, String> overrides, Set<CheckCode> disabled) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> usageErrors = new ArrayList<>();
        Resolver.Loaded loaded = Resolver.load(roots, loader);
        usageErrors.addAll(loaded.ioErrors());
        diagnostics.addAll(loaded.diagnostics());
        if (loaded.files().isEmpty()) {
            return new CompileResult(null, DisableFilter.apply(diagnostics, List.of(), disabled), usageErrors);
        }
        List<Resolver.OverrideError> overrideErrors = new ArrayList<>();
        Params params = Resolver.params(loaded.files(), overrides, diagnostics, overrideErrors);
        overrideErrors.forEach(e -> usageErrors.add(e.message()));
        Pack pack = resolve(loaded.files(), params, severityScopes(loaded), diagnostics);
        diagnostics.addAll(Checks.runAll(new CheckContext(pack)));
        return new CompileResult(pack, DisableFilter.apply(diagnostics, loaded.files(), disabled), usageErrors);
    }

    static Pack resolve(List<BwFile> files, Params params, SeverityScopes severities, List<Diagnostic> diagnostics) {
        Catalog catalog = CatalogBuilder.build(files, params.targetLabels(), diagnostics);
        List<GroupDecl> groups = new ArrayList<>();
        for (BwFile file : files) {
            for (Statement s : file.statements()) {
                if (s instanceof GroupDecl g) {
                    groups.add(interpolated(g, params, diagnostics));
                }
            }
        }
        return analyse(files, params, catalog, groups, severities, diagnostics);
    }

    /**
     * Analyses rule groups against a catalog built elsewhere (from .bw declarations, or an exporter model when
     * auditing rule files): recording-rule outputs join the catalog, every rule is analysed, dashboards of
     * {@code files} are resolved last.
     */
    public static Pack analyse(List<BwFile> files, Params params, Catalog catalog, List<GroupDecl> groups,
                               SeverityScopes severities, List<Diagnostic> diagnostics) {
        // Recording rules may be used before (or in a group above) their definition: announce every output
        // with unknown labels first, then replace each with what its expression really yields.
        for (GroupDecl g : groups) {
            for (Rule r : g.rules()) {
                if (r instanceof RecordingRule rec && catalog.metric(rec.name().text()).isEmpty()) {
                    catalog = catalog.with(recorded(rec, new TreeSet<>(), false));
                }
            }
        }
        List<RuleInfo> infos = new ArrayList<>();
        for (GroupDecl g : groups) {
            for (Rule r : g.rules()) {
                if (r instanceof RecordingRule rec) {
                    Analysis analysis = Analyzer.analyze(rec.expr(), catalog, params, diagnostics);
                    ExprInfo info = analysis.info(rec.expr());
                    TreeSet<String> labels = new TreeSet<>(info.labels().labels());
                    rec.labels().forEach(kv -> labels.add(kv.key().text()));
                    CatalogMetric existing = catalog.metric(rec.name().text()).orElse(null);
                    if (existing != null && existing.origin() == Origin.RECORDING && !existing.labelsKnown()) {
                        catalog = catalog.with(recorded(rec, labels, !info.labels().open()));
                    }
                    infos.add(new RuleInfo(g, r, analysis));
                }
            }
        }
        for (GroupDecl g : groups) {
            for (Rule r : g.rules()) {
                if (r instanceof AlertRule alert) {
                    infos.add(new RuleInfo(g, r, Analyzer.analyze(alert.expr(), catalog, params, diagnostics)));
                }
            }
        }
        // keep rules in source order within the pack
        java.util.IdentityHashMap<Rule, RuleInfo> byRule = new java.util.IdentityHashMap<>();
        infos.forEach(i -> byRule.put(i.rule(), i));
        List<RuleInfo> ordered = new ArrayList<>();
        for (GroupDecl g : groups) {
            for (Rule r : g.rules()) {
                if (byRule.containsKey(r)) {
                    ordered.add(byRule.get(r));
                }
            }
        }
        // dashboards last: their queries may use recorded metrics, and their links name alerts
        List<Dashboard> dashboards = DashboardResolver.resolve(files, groups, params, catalog, diagnostics);
        return new Pack(files, params, catalog, groups, ordered, severities, dashboards);
    }

    /** Each file's severities: its own line, else its first importer's, up to a root (see {@link SeverityScopes}). */
    static SeverityScopes severityScopes(Resolver.Loaded loaded) {
        Map<String, SeveritiesDecl> own = new java.util.HashMap<>();
        for (BwFile file : loaded.files()) {
            for (Statement s : file.statements()) {
                if (s instanceof SeveritiesDecl sev) {
                    own.putIfAbsent(file.source().displayPath(), sev); // a second one is SeverityCheck's to report
                }
            }
        }
        Map<String, SeveritiesDecl> effective = new java.util.LinkedHashMap<>();
        for (BwFile file : loaded.files()) {
            String at = file.source().displayPath();
            // bounded: the importer chain of a loaded file has no cycle and at most one step per file
            for (int step = 0; at != null && step <= loaded.files().size(); step++) {
                SeveritiesDecl declared = own.get(at);
                if (declared != null) {
                    effective.put(file.source().displayPath(), declared);
                    break;
                }
                at = loaded.importedBy().get(at);
            }
        }
        return new SeverityScopes(effective);
    }

    private static GroupDecl interpolated(GroupDecl g, Params params, List<Diagnostic> diagnostics) {
        List<Rule> rules = new ArrayList<>();
        for (Rule r : g.rules()) {
            rules.add(r instanceof AlertRule a
                    ? dev.brokerwatch.dsl.resolve.Interpolation.apply(AnnotationClauses.lift(a), params, diagnostics) : r);
        }
        return g.withRules(rules);
    }

    private static CatalogMetric recorded(RecordingRule rec, TreeSet<String> labels, boolean known) {
        return new CatalogMetric(rec.name().text(), MetricType.GAUGE, labels, "recorded by " + rec.name().text(), null,
                Origin.RECORDING, "recording rule", rec.name().span(), null, null, null, List.of(), null, known);
    }

    static List<String> staticLabelNames(List<KeyValue> labels) {
        return labels.stream().map(kv -> kv.key().text()).toList();
    }
}
