package dev.brokerwatch.dsl.diag;

import dev.brokerwatch.dsl.catalog.CatalogBuilder;
import dev.brokerwatch.dsl.check.AlertTestCheck;
import dev.brokerwatch.dsl.check.AnnotationsCheck;
import dev.brokerwatch.dsl.check.CatalogDuplicateCheck;
import dev.brokerwatch.dsl.check.CatalogNamingCheck;
import dev.brokerwatch.dsl.check.CounterThresholdCheck;
import dev.brokerwatch.dsl.check.DashboardDuplicateCheck;
import dev.brokerwatch.dsl.check.DashboardLinkCheck;
import dev.brokerwatch.dsl.check.DashboardVariableUndefinedCheck;
import dev.brokerwatch.dsl.check.DashboardVariableUnusedCheck;
import dev.brokerwatch.dsl.check.DerivOverCounterCheck;
import dev.brokerwatch.dsl.check.DuplicateRuleCheck;
import dev.brokerwatch.dsl.check.ForIntervalCheck;
import dev.brokerwatch.dsl.check.DeliveryRoutingCheck;
import dev.brokerwatch.dsl.check.GroupingLabelCheck;
import dev.brokerwatch.dsl.check.InhibitCycleCheck;
import dev.brokerwatch.dsl.check.InhibitLabelCheck;
import dev.brokerwatch.dsl.check.InhibitScopeCheck;
import dev.brokerwatch.dsl.check.InhibitSeverityCheck;
import dev.brokerwatch.dsl.check.InhibitTimingCheck;
import dev.brokerwatch.dsl.check.InhibitUnknownAlertCheck;
import dev.brokerwatch.dsl.check.LifetimeAverageCheck;
import dev.brokerwatch.dsl.check.PartitionCapacityCheck;
import dev.brokerwatch.dsl.check.RateOfRateCheck;
import dev.brokerwatch.dsl.check.VanishingSeriesCheck;
import dev.brokerwatch.dsl.check.MatcherLabelCheck;
import dev.brokerwatch.dsl.check.MetricVersionCheck;
import dev.brokerwatch.dsl.check.PanelUnitCheck;
import dev.brokerwatch.dsl.check.ParamUseCheck;
import dev.brokerwatch.dsl.check.RangeWindowCheck;
import dev.brokerwatch.dsl.check.RateOverGaugeCheck;
import dev.brokerwatch.dsl.check.Re2RegexCheck;
import dev.brokerwatch.dsl.check.SeverityCheck;
import dev.brokerwatch.dsl.check.TemplateLabelCheck;
import dev.brokerwatch.dsl.check.TemplateSyntaxCheck;
import dev.brokerwatch.dsl.check.UnboundedQueryCheck;
import dev.brokerwatch.dsl.check.UnknownMetricCheck;
import dev.brokerwatch.dsl.dashboard.DashboardResolver;
import dev.brokerwatch.dsl.disable.DisableComments;
import dev.brokerwatch.dsl.disable.DisableFilter;
import dev.brokerwatch.dsl.resolve.Interpolation;
import dev.brokerwatch.dsl.resolve.Resolver;
import dev.brokerwatch.dsl.resolve.RuleFileNames;
import dev.brokerwatch.dsl.semantics.Analyzer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of check codes: every code a {@link Diagnostic} can carry, with the severities it is
 * raised at, a one-line summary (Markdown: {@code docs/checks/README.md} shows it as is), and the classes
 * that raise it. {@link Diagnostic#of} takes a constant of this enum, so a code that is not registered
 * cannot be raised. In documentation order; {@code brokerwatch checks} prints this list.
 */
public enum CheckCode {
    SYNTAX_INVALID("syntax/invalid", List.of(Severity.ERROR),
            "The text does not parse.",
            false, "dev.brokerwatch.dsl.parse.SyntaxErrorCollector", "dev.brokerwatch.dsl.parse.AstBuilder",
            "dev.brokerwatch.dsl.parse.BwParser", "dev.brokerwatch.compiler.audit.AuditReader",
            "dev.brokerwatch.compiler.audit.AuditChecker"),
    IMPORT_UNRESOLVED("import/unresolved", List.of(Severity.ERROR),
            "An `import` names a file that cannot be read, or imports form a cycle.",
            false, Resolver.class),
    IMPORT_NOT_CARRIED("import/not-carried", List.of(Severity.WARNING, Severity.ERROR, Severity.INFO),
            "`brokerwatch import` met something in a rule file that the `.bw` sources it writes cannot say: a key the language lacks, "
                    + "a name it cannot write (warning), a value Prometheus itself rejects (error), resource metadata that `compile` "
                    + "options restore (info).",
            true, "dev.brokerwatch.compiler.importer.BwSourceWriter", "dev.brokerwatch.compiler.importer.Importer"),
    IMPORT_NAME_CLASH("import/name-clash", List.of(Severity.ERROR),
            "Two files of one name in different folders both declare rule groups, so their rule files would collide.",
            true, RuleFileNames.class),
    PARAM_UNKNOWN("param/unknown", List.of(Severity.ERROR),
            "`$name` in PromQL or `${name}` in annotation text refers to no `param`.",
            true, Interpolation.class, ParamUseCheck.class),
    PARAM_TYPE("param/type", List.of(Severity.ERROR),
            "A parameter holds the wrong kind of value for its place.",
            true, Resolver.class, ParamUseCheck.class),
    PARAM_DUPLICATE("param/duplicate", List.of(Severity.ERROR),
            "A parameter is declared twice.",
            true, Resolver.class),
    PARAM_SINCE("param/since", List.of(Severity.ERROR),
            "A parameter's `since \"<version>\" = value` clause names a malformed Kafka version, or the clauses are not in ascending version order.",
            true, Resolver.class),
    CATALOG_DUPLICATE("catalog/duplicate", List.of(Severity.ERROR),
            "A metric is declared twice in the catalog.",
            true, CatalogDuplicateCheck.class),
    CATALOG_NAMING("catalog/naming", List.of(Severity.ERROR, Severity.WARNING),
            "A counter without `_total`, a summary with a suffix it adds itself, or an invalid label name (error); "
                    + "another type with `_total`, or a suffix client libraries reserve (warning).",
            true, CatalogNamingCheck.class),
    CATALOG_JMX("catalog/jmx", List.of(Severity.ERROR),
            "The JMX source of a metric is wrong: invalid ObjectName pattern, a label key no pattern has, a wildcard key not exported "
                    + "(series would collide), a family without `{member}`, a metric without a source, an unknown cgroup field.",
            true, CatalogBuilder.class),
    PROMQL_FUNCTION("promql/function", List.of(Severity.ERROR),
            "An unknown function, or a function with the wrong number or type of arguments.",
            true, Analyzer.class),
    PROMQL_TYPE("promql/type", List.of(Severity.ERROR),
            "An operand has the wrong value type: a range vector compared to a number, a string in arithmetic, `and` with a scalar, "
                    + "two scalars compared without `bool`.",
            true, Analyzer.class),
    PROMQL_UNKNOWN_METRIC("promql/unknown-metric", List.of(Severity.ERROR),
            "A selector (or a test's input series) names a metric that no catalog declaration produces.",
            true, UnknownMetricCheck.class),
    PROMQL_METRIC_VERSION("promql/metric-version", List.of(Severity.WARNING),
            "A query selects a metric that the targeted Kafka version (`kafka_version`) does not have, by the catalog's `since`/`until`.",
            true, MetricVersionCheck.class),
    PROMQL_RATE_OVER_GAUGE("promql/rate-over-gauge", List.of(Severity.ERROR),
            "`rate()`, `irate()`, `increase()` or `resets()` over a gauge.",
            true, RateOverGaugeCheck.class),
    PROMQL_DERIV_OVER_COUNTER("promql/deriv-over-counter", List.of(Severity.ERROR),
            "`deriv()`, `delta()`, `idelta()` or `predict_linear()` over a counter.",
            true, DerivOverCounterCheck.class),
    PROMQL_COUNTER_THRESHOLD("promql/counter-threshold", List.of(Severity.WARNING),
            "A raw counter (possibly aggregated) compared to a threshold.",
            true, CounterThresholdCheck.class),
    PROMQL_GROUPING_LABEL("promql/grouping-label", List.of(Severity.ERROR, Severity.WARNING),
            "`by`, `on` or `group_left/right` (error), `without` or `ignoring` (warning) name a label the operand does not carry.",
            true, GroupingLabelCheck.class),
    PROMQL_MATCHER_LABEL("promql/matcher-label", List.of(Severity.ERROR, Severity.WARNING),
            "A label matcher on a label the metric does not have: error when the matcher needs a value, warning otherwise.",
            true, MatcherLabelCheck.class),
    PROMQL_REGEX("promql/regex", List.of(Severity.ERROR),
            "A regular expression Prometheus rejects, judged as Go's RE2 parser does (re2j, with Go's rules where they differ).",
            true, Re2RegexCheck.class),
    PROMQL_RANGE_WINDOW("promql/range-window", List.of(Severity.WARNING),
            "A range selector or subquery range shorter than twice the scrape interval (the parameter `scrape_interval`).",
            true, RangeWindowCheck.class),
    KAFKA_VANISHING_SERIES("kafka/vanishing-series", List.of(Severity.ERROR, Severity.WARNING),
            "An alert that tests for a low value the series only reach by vanishing: `count(x) == 0` can never fire (error); "
                    + "`sum(x) == 0` or `< N` across nodes over series scraped from the Kafka nodes is silent when every node is gone, "
                    + "and no alert watches `up` (warning).",
            true, VanishingSeriesCheck.class),
    KAFKA_PARTITION_CAPACITY("kafka/partition-capacity", List.of(Severity.ERROR, Severity.WARNING),
            "A per-partition series divided by a whole-broker amount (a volume's capacity) and compared with a threshold: "
                    + "error in an alert, warning elsewhere.",
            true, PartitionCapacityCheck.class),
    KAFKA_LIFETIME_AVERAGE("kafka/lifetime-average", List.of(Severity.ERROR, Severity.WARNING),
            "A value over the broker's whole lifetime used as if recent: a Yammer `Mean`, `MeanRate`, `Max`, `Min` or `StdDev`, "
                    + "or a summary's `_sum / _count` without rate(): error in an alert, warning elsewhere.",
            true, LifetimeAverageCheck.class),
    KAFKA_RATE_OF_RATE("kafka/rate-of-rate", List.of(Severity.ERROR),
            "`rate()`, `irate()`, `increase()` or `resets()` of a series read from an attribute that is already a rate "
                    + "(`OneMinuteRate`, `MeanRate`, a Kafka metric's `*-rate`), whatever its name or declared type.",
            true, RateOfRateCheck.class),
    TEMPLATE_SYNTAX("template/syntax", List.of(Severity.ERROR),
            "A Go template in an annotation or label that Prometheus cannot expand, read by the rules of Go's text/template "
                    + "parser: Go's first error, in Go's words, at its place.",
            true, TemplateSyntaxCheck.class),
    TEMPLATE_LABEL("template/label", List.of(Severity.ERROR),
            "`$labels.x` in a template where the alert's expression cannot yield `x`.",
            true, TemplateLabelCheck.class),
    RULE_FOR_INTERVAL("rule/for-interval", List.of(Severity.WARNING),
            "An alert's `for` is shorter than its group's evaluation interval.",
            true, ForIntervalCheck.class),
    RULE_DUPLICATE("rule/duplicate", List.of(Severity.ERROR),
            "Two groups, two alerts or two recording rules share a name, or a recording rule writes a series the catalog declares.",
            true, DuplicateRuleCheck.class),
    RULE_SEVERITY("rule/severity", List.of(Severity.ERROR),
            "An alert without a severity, or with one outside the `severities` that hold for its file (default: critical, warning, info); "
                    + "a second `severities` line in one file.",
            true, SeverityCheck.class),
    RULE_ANNOTATIONS("rule/annotations", List.of(Severity.WARNING, Severity.ERROR),
            "An alert without summary, description or runbook (warning), or one given both as a clause and in "
                    + "`annotations { }` (error); `annotations { runbook_url = ... }` counts as the runbook.",
            true, AnnotationsCheck.class),
    TEST_ALERT("test/alert", List.of(Severity.ERROR, Severity.WARNING),
            "An alert test promtool would reject or that could not pass: bad expanding notation, matchers instead of labels in input "
                    + "series, expected labels the alert cannot carry or missing ones (promtool compares label sets exactly), "
                    + "expectations after every input has gone stale (warning).",
            true, AlertTestCheck.class),
    INHIBIT_UNKNOWN_ALERT("inhibit/unknown-alert", List.of(Severity.ERROR),
            "An `inhibits` list or a delivery test's `expect inhibits`/`expect spares` names no alert of the pack.",
            true, InhibitUnknownAlertCheck.class),
    INHIBIT_LABEL("inhibit/label", List.of(Severity.ERROR, Severity.WARNING),
            "An `inhibits ... on (...)` label that the source's or a target's result does not carry (error), or `on ()`, "
                    + "which inhibits across every cluster (warning).",
            true, InhibitLabelCheck.class),
    INHIBIT_CYCLE("inhibit/cycle", List.of(Severity.ERROR),
            "Alerts that inhibit each other, directly or through others: while they all fire, none is notified.",
            true, InhibitCycleCheck.class),
    INHIBIT_SCOPE("inhibit/scope", List.of(Severity.WARNING),
            "An inhibition that never applies: an `on` label both alerts carry has a different fixed value on each side.",
            true, InhibitScopeCheck.class),
    INHIBIT_SEVERITY("inhibit/severity", List.of(Severity.ERROR),
            "An inhibition whose target is more severe than its source (by the order of `severities`).",
            true, InhibitSeverityCheck.class),
    INHIBIT_TIMING("inhibit/timing", List.of(Severity.WARNING),
            "An inhibition whose target, started together with its source, can be notified before the source fires: "
                    + "its `for` is shorter than the source's (group_wait delays only a new group's first notification).",
            true, InhibitTimingCheck.class),
    DELIVERY_ROUTING("delivery/routing", List.of(Severity.ERROR),
            "A second `routing` block, a `page` severity no alert may take, a zero `group_interval` or `repeat_interval`, "
                    + "or a delivery test expecting a receiver the "
                    + "emitted route tree does not have.",
            true, DeliveryRoutingCheck.class),
    DASHBOARD_VARIABLE_UNDEFINED("dashboard/variable-undefined", List.of(Severity.ERROR),
            "A `$variable` in a dashboard that no variable, template argument, Grafana built-in or parameter defines.",
            true, DashboardVariableUndefinedCheck.class.getName(), "dev.brokerwatch.compiler.audit.AuditChecker"),
    DASHBOARD_VARIABLE_UNUSED("dashboard/variable-unused", List.of(Severity.WARNING),
            "A dashboard variable that nothing uses.",
            true, DashboardVariableUnusedCheck.class),
    DASHBOARD_UNBOUNDED_QUERY("dashboard/unbounded-query", List.of(Severity.WARNING),
            "A panel query that returns one series per topic, partition, consumer group or client with no variable filter.",
            true, UnboundedQueryCheck.class),
    DASHBOARD_UNIT("dashboard/unit", List.of(Severity.ERROR),
            "A panel unit that is not a Grafana unit id.",
            true, PanelUnitCheck.class),
    DASHBOARD_LINK("dashboard/link", List.of(Severity.ERROR, Severity.WARNING),
            "A link to a dashboard, panel or runbook that does not exist (error); an alert without a `dashboard` link in a pack "
                    + "with dashboards (warning).",
            true, DashboardLinkCheck.class),
    DASHBOARD_DUPLICATE("dashboard/duplicate", List.of(Severity.ERROR),
            "A dashboard uid, variable, panel id or panel template declared twice; an invalid uid.",
            true, DashboardDuplicateCheck.class),
    DASHBOARD_TEMPLATE("dashboard/template", List.of(Severity.ERROR),
            "`use` of an unknown panel template, or with the wrong number of arguments.",
            true, DashboardResolver.class),
    EXPORTER_CONFIG("exporter/config", List.of(Severity.ERROR, Severity.WARNING),
            "A jmx_exporter config the stock agent would refuse to start with (error), or would read differently than written: "
                    + "an unknown key, a type in lower case, a valueFactor that is not a number (warning).",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterConfig", "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_RULE_UNUSED("exporter/rule-unused", List.of(Severity.WARNING),
            "A jmx_exporter rule that matches no MBean attribute of the audited Kafka version and node role.",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_RULE_SHADOWED("exporter/rule-shadowed", List.of(Severity.WARNING),
            "A jmx_exporter rule whose every match is taken by an earlier rule (the first matching rule wins).",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_PATTERN_BROAD("exporter/pattern-broad", List.of(Severity.WARNING),
            "A jmx_exporter pattern that matches attributes it does not name, e.g. an alternative `Mean` that also matches `MeanRate` "
                    + "because nothing ends the attribute name.",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_NAME_UNSTABLE("exporter/name-unstable", List.of(Severity.ERROR, Severity.WARNING),
            "A jmx_exporter name or label whose capture takes part of the value (it changes from scrape to scrape: error) or "
                    + "runs past its key into another key, or a name that holds a topic, partition or client (warning).",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_CATCH_ALL("exporter/catch-all", List.of(Severity.WARNING),
            "A jmx_exporter rule without a name that exports everything it matches under names made from the MBeans.",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_TYPE("exporter/type", List.of(Severity.ERROR, Severity.WARNING),
            "A jmx_exporter rule that types a gauge attribute (a rate, mean, percentile or Yammer gauge) as COUNTER (error), "
                    + "or a cumulative count as GAUGE or untyped (warning).",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_NAME_CONFLICT("exporter/name-conflict", List.of(Severity.ERROR, Severity.WARNING),
            "jmx_exporter rules that give one family different types (the agent then exposes it untyped: error), different "
                    + "label sets, or series that differ only by MBean (the agent adds `_objectname`) (warning).",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_OBJECT_NAMES("exporter/object-names", List.of(Severity.WARNING),
            "`includeObjectNames`/`excludeObjectNames` hide every MBean a rule would match, or an include entry matches no MBean.",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_SERIES_ESTIMATE("exporter/series-estimate", List.of(Severity.INFO),
            "The number of series the jmx_exporter config produces on one broker with 1,000 partitions, and the rules that make most.",
            true, "dev.brokerwatch.compiler.audit.exporter.JmxExporterChecks"),
    EXPORTER_ALLOWLIST_UNUSED("exporter/allowlist-unused", List.of(Severity.WARNING, Severity.INFO),
            "A Strimzi Metrics Reporter allowlist entry that matches no metric of the audited Kafka version and node role "
                    + "(warning), or matches only on nodes of another role (info).",
            true, "dev.brokerwatch.compiler.audit.reporter.AllowlistChecks"),
    DISABLE_UNUSED("disable/unused", List.of(Severity.WARNING),
            "A `# brokerwatch: disable=…` comment that disables nothing: no problem of that code where it applies.",
            true, DisableFilter.class),
    DISABLE_INVALID("disable/invalid", List.of(Severity.ERROR),
            "A `# brokerwatch:` comment that cannot be applied: an unknown code, a code that cannot be disabled, a malformed "
                    + "directive, or one not on a line of its own.",
            false, DisableComments.class);

    private final String code;
    private final List<Severity> severities;
    private final String summary;
    private final boolean disableable;
    private final List<String> raisedBy;

    CheckCode(String code, List<Severity> severities, String summary, boolean disableable, Class<?>... raisedBy) {
        this(code, severities, summary, disableable, Arrays.stream(raisedBy).map(Class::getName).toArray(String[]::new));
    }

    /** Names instead of classes only where the raising class is not public. */
    CheckCode(String code, List<Severity> severities, String summary, boolean disableable, String... raisedBy) {
        this.code = code;
        this.severities = List.copyOf(severities);
        this.summary = summary;
        this.disableable = disableable;
        this.raisedBy = List.of(raisedBy);
    }

    /** The stable code, {@code area/topic}, as printed in {@code error[area/topic]}. */
    public String code() {
        return code;
    }

    /** The severities this code is raised at, the more common first. */
    public List<Severity> severities() {
        return severities;
    }

    /** "error", "warning" or "error / warning". */
    public String severityText() {
        return severities.stream().map(Severity::label).collect(Collectors.joining(" / "));
    }

    /** One line, Markdown. */
    public String summary() {
        return summary;
    }

    /** The summary without Markdown code marks, for a terminal. */
    public String plainSummary() {
        return summary.replace("`", "");
    }

    /** The page that explains the code, relative to the repository root. */
    public String docsPage() {
        return "docs/checks/" + code + ".md";
    }

    /**
     * False for problems that leave the pack unusable (a file that does not parse or cannot be read) and for
     * a disable comment that cannot be applied: neither {@code --disable} nor a comment can hide them.
     */
    public boolean disableable() {
        return disableable;
    }

    /** The fully qualified names of the classes that raise this code. */
    public List<String> raisedBy() {
        return raisedBy;
    }

    public static Optional<CheckCode> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(CheckCode::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
