package dev.brokerwatch.compiler.audit.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which ObjectName keys name an instance (a topic, a partition, a client, a listener, a processor thread, a
 * directory, a peer node) rather than a kind of metric. Their values differ from cluster to cluster, so an
 * inventory keeps them as {@code {key}} with one example; the other keys (type, name, request, …) are the same
 * on every broker of a version and are kept as they are.
 */
public final class ObjectNameGeneralizer {
    static final Set<String> INSTANCE_KEYS = Set.of(
            "topic", "partition", "clientId", "client-id", "clientSoftwareName", "clientSoftwareVersion",
            "listener", "networkProcessor", "processor", "broker-id", "brokerHost", "brokerPort", "node-id",
            "id", "version", "logDirectory", "user", "fetcherType", "leader", "quorum-id", "principal");

    private ObjectNameGeneralizer() {
    }

    public static boolean isInstanceKey(String key) {
        return INSTANCE_KEYS.contains(key);
    }

    static String placeholder(String key) {
        return "{" + key + "}";
    }

    static boolean isPlaceholder(String key, String value) {
        return value != null && value.equals(placeholder(key));
    }

    /** The keys with instance values replaced by placeholders, order kept. */
    public static LinkedHashMap<String, String> generalize(LinkedHashMap<String, String> keys) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            out.put(e.getKey(), isInstanceKey(e.getKey()) ? placeholder(e.getKey()) : e.getValue());
        }
        return out;
    }
}
