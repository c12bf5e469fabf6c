package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventories;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.dsl.catalog.KafkaVersions;
import dev.brokerwatch.dsl.resolve.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The brokers an exporter model describes, as `audit` and `import` take them: Kafka version, node role, the MBean
 * inventory recorded on one of them, external series. {@link #resolve} applies the defaults.
 */
public final class TargetOptions {
    static final String DEFAULT_ROLE = "combined";

    // null when not given, so that a given value can be told from the default and checked against --jmx-inventory
    @Option(names = "--kafka", paramLabel = "VERSION",
            description = "The Kafka version the brokers run, e.g. 4.1 or 3.9.1. Default: the one --jmx-inventory was recorded on, "
                    + "else " + Params.DEFAULT_KAFKA_VERSION + ".")
    public String kafka;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "The KRaft role of the nodes: combined, broker or controller. Default: the one --jmx-inventory was "
                    + "recorded on, else " + DEFAULT_ROLE + ".")
    public String role;

    @Option(names = "--jmx-inventory", paramLabel = "FILE",
            description = "The MBean inventory of one of your nodes, written by brokerwatch record (gzip-compressed or not), for "
                    + "the jmx-exporter and strimzi-reporter models to read instead of a shipped one. Its Kafka version and role "
                    + "are the target: --kafka and --role may only repeat them.")
    public Path jmxInventory;

    @Option(names = "--external", paramLabel = "SOURCE[,SOURCE]", split = ",",
            description = "Other exporters scraped next to the brokers whose series the rules may use, e.g. kafka_exporter,kubelet; "
                    + "'none' for none. Default: all declared ones.")
    public List<String> external = new ArrayList<>();

    /**
     * The target these options describe for the exporter model {@code exporter} names (null: none). With
     * {@code --jmx-inventory} the version and role are the recording's, and the inventory is read here.
     */
    public ResolvedTarget resolve(String exporter) throws InvalidTargetException {
        if (role != null && !AuditTarget.ROLES.contains(role)) {
            throw new InvalidTargetException("--role " + role + ": expected one of " + String.join(", ", AuditTarget.ROLES));
        }
        if (jmxInventory == null) {
            AuditTarget brokers = new AuditTarget(kafka != null ? kafka : Params.DEFAULT_KAFKA_VERSION, role != null ? role : DEFAULT_ROLE);
            return new ResolvedTarget(brokers, InventorySource.SHIPPED, external);
        }
        checkReadsInventory(exporter);
        MBeanInventory recorded = RecordedInventory.read(jmxInventory);
        return new ResolvedTarget(new AuditTarget(version(recorded), role(recorded)), InventorySource.only(recorded), external);
    }

    /** Checked before the file is read: a usage error should not wait for the file to be fixed. */
    private void checkReadsInventory(String exporter) throws InvalidTargetException {
        String readers = String.join(" and ", ExporterModels.inventoryReaders());
        if (exporter == null) {
            throw new InvalidTargetException("--jmx-inventory " + jmxInventory + " needs --exporter: the inventory is only used by the "
                    + readers + " models (e.g. --exporter jmx-exporter:CONFIG.yaml); without --exporter import writes no catalog");
        }
        boolean reads;
        try {
            reads = ExporterModels.readsInventory(exporter);
        } catch (ExporterSpecException unknown) {
            throw new InvalidTargetException(unknown.getMessage());
        }
        if (!reads) {
            throw new InvalidTargetException("--jmx-inventory " + jmxInventory + " is only used by the " + readers + " models, not by "
                    + "--exporter " + exporter.strip() + " (its catalog says which series exist): drop --jmx-inventory, or choose one of those models");
        }
    }

    /** The recording's version; --kafka may name it or its minor version (4.1 for 4.1.2), as it picks a shipped one. */
    private String version(MBeanInventory recorded) throws InvalidTargetException {
        String file = recorded.kafkaVersion();
        if (!KafkaVersions.isValid(file)) {
            // the recorder writes 'unknown' when the node's app-info MBean has no version
            if (kafka == null) {
                throw new InvalidTargetException("--jmx-inventory " + jmxInventory + " records no usable Kafka version ('" + file
                        + "'): give the nodes' version with --kafka VERSION");
            }
            return kafka;
        }
        if (kafka != null && !MBeanInventories.versionMatches(file, kafka)) {
            throw new InvalidTargetException("--kafka " + kafka + " contradicts --jmx-inventory " + jmxInventory + ", recorded on Kafka "
                    + file + ": drop --kafka (the recording's version is used), or record a node running " + kafka);
        }
        return file;
    }

    private String role(MBeanInventory recorded) throws InvalidTargetException {
        String file = recorded.role();
        if (!AuditTarget.ROLES.contains(file)) {
            throw new InvalidTargetException("--jmx-inventory " + jmxInventory + " records the role '" + file + "', expected one of "
                    + String.join(", ", AuditTarget.ROLES) + ": re-record it with brokerwatch record (--role sets the role)");
        }
        if (role != null && !role.equals(file)) {
            throw new InvalidTargetException("--role " + role + " contradicts --jmx-inventory " + jmxInventory + ", recorded on a "
                    + file + " node: drop --role (the recording's role is used), or record a " + role + " node");
        }
        return file;
    }
}
