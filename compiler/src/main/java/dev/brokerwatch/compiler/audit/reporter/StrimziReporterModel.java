package dev.brokerwatch.compiler.audit.reporter;

import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.compiler.audit.ExporterModel;
import dev.brokerwatch.compiler.audit.ExporterSpecException;
import dev.brokerwatch.compiler.audit.exporter.ClientJavaJvmFamilies;
import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventories;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * {@code --exporter strimzi-reporter[:ALLOWLIST]}: the Strimzi Metrics Reporter 0.2.0 ({@code io.strimzi:metrics-reporter},
 * Kafka's {@code metric.reporters} and {@code kafka.metrics.reporters} plugins) with an allowlist, over the recorded
 * inventory of the target's version and role, plus client_java's JVM families. Its naming is fixed, so it has no
 * configuration to check beyond the allowlist: its syntax when it is read, the entries that read nothing here.
 */
public final class StrimziReporterModel implements ExporterModel {
    private final StrimziAllowlist allowlist;
    private final String name;
    private final InventorySource inventories;
    private final List<String> targetLabels;
    private final Map<AuditTarget, StrimziReporterSimulation> simulations = new HashMap<>();

    private StrimziReporterModel(StrimziAllowlist allowlist, String name, InventorySource inventories,
                                 List<String> targetLabels) {
        this.allowlist = allowlist;
        this.name = name;
        this.inventories = inventories;
        this.targetLabels = List.copyOf(targetLabels);
    }

    /** The model {@code --exporter strimzi-reporter[:ARGUMENT]} names, over the shipped inventories. */
    public static StrimziReporterModel create(String argument, List<String> targetLabels) throws ExporterSpecException {
        return create(argument, targetLabels, InventorySource.SHIPPED);
    }

    /** The model {@code --exporter strimzi-reporter[:ARGUMENT]} names, over the inventories {@code inventories} finds. */
    public static StrimziReporterModel create(String argument, List<String> targetLabels, InventorySource inventories)
            throws ExporterSpecException {
        StrimziAllowlist allowlist = argument == null ? StrimziAllowlist.EVERYTHING : StrimziAllowlist.fromArgument(argument);
        return new StrimziReporterModel(allowlist, argument == null ? "strimzi-reporter" : "strimzi-reporter:" + argument,
                inventories, targetLabels);
    }

    /** The reporter with this allowlist over the inventories {@code inventories} finds. */
    public static StrimziReporterModel of(StrimziAllowlist allowlist, InventorySource inventories, List<String> targetLabels) {
        return new StrimziReporterModel(allowlist, "strimzi-reporter", inventories, targetLabels);
    }

    /** The reporter with this allowlist over one inventory (a user's own recording), whatever the target says. */
    public static StrimziReporterModel of(StrimziAllowlist allowlist, MBeanInventory inventory, List<String> targetLabels) {
        return new StrimziReporterModel(allowlist, "strimzi-reporter", InventorySource.only(inventory), targetLabels);
    }

    @Override
    public String name() {
        return name;
    }

    public StrimziAllowlist allowlist() {
        return allowlist;
    }

    /** The simulation for a target; throws {@link IllegalArgumentException} when no inventory was recorded for it. */
    public synchronized StrimziReporterSimulation simulation(AuditTarget t) {
        return simulations.computeIfAbsent(t, target -> {
            String role = target.role() == null ? "broker" : target.role();
            MBeanInventory inventory = inventories.require(target.kafkaVersion(), role);
            return new StrimziReporterSimulation(inventory, allowlist);
        });
    }

    @Override
    public Catalog catalog(AuditTarget target) {
        List<CatalogMetric> metrics = new ArrayList<>();
        for (ReporterFamily f : simulation(target).families().values()) {
            MetricType type = switch (f.kind()) {
                case ReporterFamily.COUNTER -> MetricType.COUNTER;
                case ReporterFamily.SUMMARY -> MetricType.SUMMARY;
                default -> MetricType.GAUGE;
            };
            metrics.add(new CatalogMetric(f.exposedName(), type, f.labels(), "from " + f.example(), null, Origin.EXTERNAL, name,
                    null, null, null, null, List.of(), null, true));
        }
        for (ClientJavaJvmFamilies.Family jvm : ClientJavaJvmFamilies.jvm()) {
            metrics.add(jvm.asCatalogMetric(name));
        }
        return Catalog.of(metrics, targetLabels);
    }

    /** The allowlist's entries that read nothing on the target ({@code exporter/allowlist-unused}). */
    @Override
    public List<Diagnostic> configFindings(AuditTarget target) {
        if (!allowlist.written()) {
            return List.of();
        }
        StrimziReporterSimulation here = simulation(target);
        Map<String, SortedSet<String>> otherRoles = new LinkedHashMap<>();
        for (String other : MBeanInventories.ROLES) {
            // a user's own recording stands for every role (InventorySource.only): no other role to compare with
            inventories.find(target.kafkaVersion(), other)
                    .filter(inventory -> !other.equals(here.inventory().role()) && inventory != here.inventory())
                    .ifPresent(inventory -> otherRoles.put(other, new StrimziReporterSimulation(inventory, allowlist).names()));
        }
        return AllowlistChecks.unused(allowlist, here.inventory(), here.names(), otherRoles);
    }
}
