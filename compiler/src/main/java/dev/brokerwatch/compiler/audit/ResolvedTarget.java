package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import java.util.List;

/**
 * What {@code audit} and {@code import} model, their options resolved: the Kafka version and node role, where the
 * exporter models read the nodes' MBeans from, and the external sources given with {@code --external}.
 */
public record ResolvedTarget(AuditTarget brokers, InventorySource inventories, List<String> external) {
    public ResolvedTarget {
        external = List.copyOf(external);
    }
}
