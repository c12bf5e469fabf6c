package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.compiler.audit.ExporterModel;
import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock jmx_prometheus_javaagent 1.0.1 with a given config: the families it exposes on a Kafka version and node
 * role, derived by running its rule engine over the recorded inventory, and the findings about the config.
 */
public final class JmxExporterModel implements ExporterModel {
    /** Labels Prometheus adds to every scraped series. */
    public static final List<String> DEFAULT_TARGET_LABELS = List.of("instance", "job");

    private final SourceFile file;
    private final InventorySource inventories;
    private final List<String> targetLabels;
    private final List<Diagnostic> parseDiagnostics = new ArrayList<>();
    private final JmxExporterConfig config;
    private final List<ExporterRule> rules;
    private final Map<AuditTarget, JmxExporterSimulation> simulations = new HashMap<>();

    private JmxExporterModel(SourceFile file, InventorySource inventories, List<String> targetLabels) {
        this.file = file;
        this.inventories = inventories;
        this.targetLabels = List.copyOf(targetLabels);
        this.config = JmxExporterConfig.parse(file, parseDiagnostics);
        this.rules = config.defaultRule() ? List.of(defaultRule(file)) : config.rules();
    }

    /** The config checked against the inventories brokerwatch ships. */
    public static JmxExporterModel of(SourceFile config) {
        return of(config, InventorySource.SHIPPED);
    }

    /** The config checked against the inventories {@code inventories} finds. */
    public static JmxExporterModel of(SourceFile config, InventorySource inventories) {
        return new JmxExporterModel(config, inventories, DEFAULT_TARGET_LABELS);
    }

    /** The config checked against one inventory (a user's own recording), whatever the target says. */
    public static JmxExporterModel of(SourceFile config, MBeanInventory inventory) {
        return of(config, InventorySource.only(inventory));
    }

    public JmxExporterModel withTargetLabels(List<String> labels) {
        return new JmxExporterModel(file, inventories, labels);
    }

    @Override
    public String name() {
        return "jmx-exporter:" + file.displayPath();
    }

    public JmxExporterConfig config() {
        return config;
    }

    /** The simulation for a target; throws {@link IllegalArgumentException} when no inventory was recorded for it. */
    public synchronized JmxExporterSimulation simulation(AuditTarget t) {
        return simulations.computeIfAbsent(t, target -> {
            String role = target.role() == null ? "broker" : target.role();
            MBeanInventory inventory = inventories.require(target.kafkaVersion(), role);
            return new JmxExporterSimulation(config, rules, inventory);
        });
    }

    @Override
    public Catalog catalog(AuditTarget t) {
        List<CatalogMetric> metrics = new ArrayList<>();
        for (ExporterFamily f : simulation(t).families().values()) {
            MetricType type = switch (f.type()) {
                case "COUNTER" -> MetricType.COUNTER;
                case "GAUGE" -> MetricType.GAUGE;
                default -> MetricType.UNTYPED;
            };
            ExporterRule rule = f.rules().get(0);
            metrics.add(new CatalogMetric(f.seriesName(), type, f.labels(), "from " + f.example(), null, Origin.EXTERNAL, name(),
                    rule.anchor(), null, null, null, f.sources(), null, true));
        }
        // the agent registers client_java's JVM collectors and its own jmx_* families beside the rules' output
        java.util.Set<String> fromRules = new java.util.HashSet<>();
        metrics.forEach(m -> fromRules.add(m.name()));
        for (ClientJavaJvmFamilies.Family f : ClientJavaJvmFamilies.jmxExporterAgent()) {
            if (!fromRules.contains(f.name())) {
                metrics.add(f.asCatalogMetric(name()));
            }
        }
        return Catalog.of(metrics, targetLabels);
    }

    @Override
    public List<Diagnostic> configFindings(AuditTarget t) {
        List<Diagnostic> all = new ArrayList<>(parseDiagnostics);
        if (parseDiagnostics.stream().noneMatch(Diagnostic::isError)) {
            all.addAll(JmxExporterChecks.run(simulation(t)));
        }
        all.sort(Diagnostic.ORDER);
        return all;
    }

    private static ExporterRule defaultRule(SourceFile file) {
        Span start = new Span(file, 0, Math.min(file.text().length(), file.lineText(1).length()));
        return new ExporterRule(0, start, null, null, null, null, null, null, 1.0, "UNKNOWN", null, null, Map.of(), null, false, false);
    }
}
