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

    /** As {@link #find}, failing with what was recorded and how to record one's own when there is none. */
    default MBeanInventory require(String kafkaVersion, String role) {
        return find(kafkaVersion, role).orElseThrow(() -> new IllegalArgumentException(
                "no MBean inventory for Kafka " + kafkaVersion + " (" + role + "); recorded: "
                        + String.join(", ", MBeanInventories.VERSIONS) + " as " + String.join(", ", MBeanInventories.ROLES)
                        + " (record your own: brokerwatch record --jmx URL --out FILE, then --jmx-inventory FILE)"));
    }

    /**
     * One recorded inventory, whatever version and role are asked for: the audit target is taken from the
     * recording itself, so they agree.
     */
    static InventorySource only(MBeanInventory inventory) {
        return (version, role) -> Optional.of(inventory);
    }
}
