package dev.brokerwatch.compiler.audit.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The inventories brokerwatch ships, recorded from live brokers (docs/audit-inventories.md): one per Kafka version and
 * node role, as {@code inventories/kafka-<version>-<role>.inventory.gz} on the class path.
 */
public final class MBeanInventories {
    static final String FOLDER = "/dev/brokerwatch/compiler/audit/inventories/";
    /** The recorded versions and roles, newest first. Keep in step with the files (MBeanInventoriesTest). */
    public static final List<String> VERSIONS = List.of("4.4.0", "4.1.2", "3.9.2");
    public static final List<String> ROLES = List.of("combined", "broker", "controller");

    private MBeanInventories() {
    }

    /**
     * The shipped inventory for a version ("4.1" takes the newest recorded 4.1.x; "4.1.2" exactly that) and role,
     * or empty when none was recorded.
     */
    public static Optional<MBeanInventory> find(String kafkaVersion, String role) {
        List<String> candidates = new ArrayList<>();
        for (String v : VERSIONS) {
            if (versionMatches(v, kafkaVersion)) {
                candidates.add(v);
            }
        }
        candidates.sort(Comparator.comparing(MBeanInventories::versionKey).reversed());
        for (String v : candidates) {
            Optional<MBeanInventory> found = load(resource(v, role));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code asked} names the recorded version {@code recorded}: exactly, or its minor ("4.1" for "4.1.2"). */
    public static boolean versionMatches(String recorded, String asked) {
        return recorded.equals(asked) || recorded.startsWith(asked + ".");
    }

    static String resource(String version, String role) {
        return FOLDER + "kafka-" + version + "-" + role + ".inventory.gz";
    }

    private static Optional<MBeanInventory> load(String resource) {
        try (InputStream in = MBeanInventories.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(MBeanInventory.read(new GZIPInputStream(in), resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versionKey(String v) {
        StringBuilder key = new StringBuilder();
        for (String part : v.split("\\.")) {
            key.append(String.format("%05d", Integer.parseInt(part.replaceAll("\\D.*", "0"))));
        }
        return key.toString();
    }
}
