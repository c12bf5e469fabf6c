package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.DurationLit;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.RecordingRule;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.check.Check;
import dev.brokerwatch.dsl.check.CheckContext;
import dev.brokerwatch.dsl.check.Checks;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.compile.Pack;
import dev.brokerwatch.dsl.compile.SeverityScopes;
import dev.brokerwatch.dsl.dashboard.GrafanaBuiltins;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.parse.BwParser;
import dev.brokerwatch.dsl.parse.Durations;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the checks of {@code .bw} sources on rules and queries read from YAML and JSON: each expression is
 * parsed by the same PromQL grammar into the same AST, the rules are analysed by the same front end against
 * the exporter model's catalog, and the same check classes run. Each text is parsed as a small source of its
 * own; every diagnostic is then moved to the place in the YAML or JSON file its span was read from.
 */
public final class AuditChecker {

    /**
     * The checks that hold for any Prometheus rule file or dashboard. Left out: house style of brokerwatch
     * packs (severity names, summary/description/runbook clauses, duplicate names across a pack, the
     * curated pack's names), what only {@code .bw} has (parameters, alert tests, catalog declarations), and
     * dashboard checks that need a {@code .bw} dashboard's layout (units, links, unbounded queries).
     */
    public static final Set<Class<? extends Check>> APPLICABLE = Set.of(
            dev.brokerwatch.dsl.check.UnknownMetricCheck.class,
            dev.brokerwatch.dsl.check.MetricVersionCheck.class,
            dev.brokerwatch.dsl.check.RateOverGaugeCheck.class,
            dev.brokerwatch.dsl.check.DerivOverCounterCheck.class,
            dev.brokerwatch.dsl.check.CounterThresholdCheck.class,
            dev.brokerwatch.dsl.check.GroupingLabelCheck.class,
            dev.brokerwatch.dsl.check.MatcherLabelCheck.class,
            dev.brokerwatch.dsl.check.Re2RegexCheck.class,
            dev.brokerwatch.dsl.check.RangeWindowCheck.class,
            dev.brokerwatch.dsl.check.VanishingSeriesCheck.class,
            dev.brokerwatch.dsl.check.PartitionCapacityCheck.class,
            dev.brokerwatch.dsl.check.LifetimeAverageCheck.class,
            dev.brokerwatch.dsl.check.RateOfRateCheck.class,
            dev.brokerwatch.dsl.check.TemplateSyntaxCheck.class,
            dev.brokerwatch.dsl.check.TemplateLabelCheck.class,
            dev.brokerwatch.dsl.check.ForIntervalCheck.class);

    private final String exporterName;
    private final IdentityHashMap<SourceFile, MappedText> texts = new IdentityHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private AuditChecker(String exporterName) {
        this.exporterName = exporterName;
    }

    /** Every problem of the inputs' rules and queries against {@code catalog}, with positions in the audited files. */
    public static List<Diagnostic> check(AuditInputs inputs, Catalog catalog, Params params, String exporterName) {
        AuditChecker checker = new AuditChecker(exporterName);
        return checker.run(inputs, catalog, params);
    }

    private List<Diagnostic> run(AuditInputs inputs, Catalog catalog, Params params) {
        List<GroupDecl> groups = new ArrayList<>();
        for (AuditGroup g : inputs.groups()) {
            List<Rule> rules = new ArrayList<>();
            for (AuditRule r : g.rules()) {
                Rule rule = rule(r);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            groups.add(new GroupDecl(g.name().span(), ident(g.name()), duration(g.interval()), null, null, rules));
        }
        Pack pack = Frontend.analyse(List.of(), params, catalog, groups, new SeverityScopes(Map.of()), diagnostics);
        List<CheckContext.CheckedExpr> queries = new ArrayList<>();
        for (DashboardQuery q : inputs.queries()) {
            GrafanaQueries.Substituted substituted = GrafanaQueries.substitute(q.expr(), params.scrapeIntervalMillis());
            undefinedVariables(q, substituted);
            Expr expr = parse(substituted.query());
            if (expr != null) {
                queries.add(new CheckContext.CheckedExpr(expr, dev.brokerwatch.dsl.semantics.Analyzer.analyze(expr, pack.catalog(), params,
                        diagnostics), null));
            }
        }
        CheckContext context = new CheckContext(pack, queries);
        for (Check check : Checks.ALL) {
            if (APPLICABLE.contains(check.getClass())) {
                diagnostics.addAll(check.run(context));
            }
        }
        return diagnostics.stream().map(this::placed).map(this::worded).toList();
    }

    private Rule rule(AuditRule r) {
        Expr expr = parse(r.expr());
        if (expr == null) {
            return null;
        }
        List<KeyValue> labels = r.labels().stream().map(this::keyValue).toList();
        if (!r.alert()) {
            return new RecordingRule(r.name().span(), ident(r.name()), expr, labels);
        }
        return new AlertRule(r.name().span(), ident(r.name()), expr, duration(r.forDuration()), duration(r.keepFiringFor()),
                null, labels, null, null, null, r.annotations().stream().map(this::keyValue).toList(), List.of(), List.of(),
                List.of());
    }

    private Expr parse(MappedText text) {
        SourceFile source = SourceFile.ofString(text.file().displayPath(), text.text());
        texts.put(source, text);
        BwParser.ExprResult result = BwParser.parseExpr(source);
        diagnostics.addAll(result.diagnostics());
        return result.diagnostics().stream().anyMatch(Diagnostic::isError) ? null : result.expr();
    }

    private static Ident ident(MappedText text) {
        return new Ident(text.span(), text.text());
    }

    private DurationLit duration(MappedText text) {
        if (text == null) {
            return null;
        }
        try {
            return new DurationLit(text.span(), text.text(), Durations.parseMillis(text.text().strip()));
        } catch (RuntimeException e) {
            diagnostics.add(Diagnostic.of(CheckCode.SYNTAX_INVALID, Severity.ERROR, text.span(),
                    "'" + text.text() + "' is not a Prometheus duration", "write a duration such as 30s, 5m or 1h30m"));
            return null;
        }
    }

    /**
     * A label or annotation value as a string literal the template checks read: its own little source, a
     * raw (back-quoted) literal, or a double-quoted one with {@code \\u} escapes when the value has a back quote.
     */
    private KeyValue keyValue(RuleEntry entry) {
        MappedText value = entry.value();
        StringBuilder literal = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        boolean raw = value.text().indexOf('`') < 0;
        char quote = raw ? '`' : '"';
        literal.append(quote);
        offsets.add(value.offsetOf(0));
        for (int i = 0; i < value.text().length(); i++) {
            char c = value.text().charAt(i);
            String written = raw || (c != '"' && c != '\\' && c >= ' ') ? String.valueOf(c) : String.format("\\u%04x", (int) c);
            for (int k = 0; k < written.length(); k++) {
                literal.append(written.charAt(k));
                offsets.add(value.offsetOf(i));
            }
        }
        literal.append(quote);
        offsets.add(value.offsetOf(value.text().length()));
        int[] mapped = new int[literal.length() + 1];
        for (int i = 0; i < literal.length(); i++) {
            mapped[i] = offsets.get(i);
        }
        mapped[literal.length()] = offsets.get(literal.length() - 1);
        SourceFile source = SourceFile.ofString(value.file().displayPath(), literal.toString());
        texts.put(source, new MappedText(literal.toString(), value.file(), mapped));
        StringLit lit = new StringLit(new Span(source, 0, literal.length()), value.text());
        return new KeyValue(entry.key().span().to(value.span()), ident(entry.key()), lit);
    }

    private void undefinedVariables(DashboardQuery q, GrafanaQueries.Substituted substituted) {
        for (GrafanaQueries.Use use : substituted.uses()) {
            if (q.variables().contains(use.name()) || GrafanaBuiltins.isBuiltin(use.name())) {
                continue;
            }
            String hint = DidYouMean.suggest(use.name(), q.variables()).map(s -> "did you mean $" + s + "?")
                    .orElse("add a variable " + use.name() + " to the dashboard's templating list");
            diagnostics.add(Diagnostic.of(CheckCode.DASHBOARD_VARIABLE_UNDEFINED, Severity.ERROR, q.expr().span(use.start(), use.end()),
                    "$" + use.name() + " is not defined in dashboard " + q.dashboard()
                            + " (no variable of its templating list nor a Grafana built-in has that name)", hint));
        }
    }

    /** The diagnostic with its spans moved from the parsed texts to the audited file. */
    private Diagnostic placed(Diagnostic d) {
        Diagnostic moved = new Diagnostic(d.check(), d.severity(), place(d.span()), d.message(), d.hint(), List.of());
        for (Diagnostic.Related r : d.related()) {
            moved = moved.withRelated(place(r.span()), r.message());
        }
        return moved;
    }

    private Span place(Span span) {
        MappedText text = texts.get(span.file());
        if (text == null) {
            return span;
        }
        int start = Math.min(span.start(), text.text().length());
        int end = Math.max(start, Math.min(span.end(), text.text().length()));
        return text.span(start, end);
    }

    /** Unknown-metric messages name the exporter model, not a .bw catalog. */
    private Diagnostic worded(Diagnostic d) {
        if (d.check() != CheckCode.PROMQL_UNKNOWN_METRIC) {
            return d;
        }
        String message = d.message().replace("no catalog declaration produces it", "exporter " + exporterName + " does not produce it");
        String hint = d.hint() != null && d.hint().startsWith("declare it in the catalog")
                ? "no series of " + exporterName + " has a similar name: the query was written for another exporter, or for a "
                        + "metric this one does not export (with another exporter: --exporter; other exporters' series: --external)"
                : d.hint();
        return new Diagnostic(d.check(), d.severity(), d.span(), message, hint, d.related());
    }
}
