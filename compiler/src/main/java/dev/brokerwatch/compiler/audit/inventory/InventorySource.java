package dev.brokerwatch.compiler.audit.inventory;

import java.util.Optional;

/**
 * Where an exporter model finds the MBean inventory of a Kafka version and node role: the shipped inventories, or one
 * the user recorded ({@code --jmx-inventory FILE}).
 */
@FunctionalInterface
public interface InventorySource {
    /** The inventories brokerwatch ships, by version and role. */
    InventorySource SHIPPED = MBeanInventories::find;

    /** The inventory for that version and role, or empty when there is none. */
    Optional<MBeanInventory> find(String kafkaVersion, String role);

    /**
     * One recorded inventory, whatever version and role are asked for: the audit target is taken from the
     * recording itself, so they agree.
     */
    static InventorySource only(MBeanInventory inventory) {
        return (version, role) -> Optional.of(inventory);
    }
}
