package dev.brokerwatch.compiler.audit.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MBeans that differ only in the values of instance keys (topic, partition, clientId, listener, …), as one entry:
 * the domain, the keys in registration order (the order jmx_exporter matches them in) with a {@code {key}}
 * placeholder for generalized values, one example value per generalized key, how many MBeans it stands for, what
 * registered them, and their attributes by name.
 */
public record InventoryMBean(String domain, LinkedHashMap<String, String> keys, Map<String, String> example, MBeanKind kind,
                             int instances, List<InventoryAttribute> attributes) {
    public InventoryMBean {
        keys = new LinkedHashMap<>(keys);
        example = Map.copyOf(example);
        attributes = List.copyOf(attributes);
    }

    /** {@code domain:k1=v1,k2={k2}} with keys in registration order: the entry's identity. */
    public String generalizedName() {
        StringBuilder s = new StringBuilder(domain).append(':');
        boolean first = true;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            s.append(first ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return s.toString();
    }

    /** The keys with placeholders replaced by the example values: one real MBean's key properties. */
    public LinkedHashMap<String, String> exampleKeys() {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        keys.forEach((k, v) -> out.put(k, ObjectNameGeneralizer.isPlaceholder(k, v) ? example.getOrDefault(k, v) : v));
        return out;
    }

    /** The example MBean's name, {@code domain:k1=v1,k2=v2}, keys in registration order. */
    public String exampleName() {
        StringBuilder s = new StringBuilder(domain).append(':');
        boolean first = true;
        for (Map.Entry<String, String> e : exampleKeys().entrySet()) {
            s.append(first ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return s.toString();
    }

    /** True when a key's value stands for many instances (one per topic, partition, client, …). */
    public boolean isGeneralized(String key) {
        return ObjectNameGeneralizer.isPlaceholder(key, keys.get(key));
    }
}
