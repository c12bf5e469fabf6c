package dev.brokerwatch.compiler.audit.inventory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularData;

/**
 * Reads every MBean of a server (a broker's, over a JMX connection) into an {@link MBeanInventory}: each ObjectName
 * generalized per instance key, its readable attributes with their declared and actual types, composite items by
 * name. MBeans that disappear or fail while being read are skipped: the server is live and changes under us.
 */
public final class InventoryRecorder {
    /** Values too expensive or too private to read: jmx_exporter skips them as well. */
    private static final Set<String> SKIPPED_RUNTIME_ATTRIBUTES = Set.of("SystemProperties", "ClassPath", "BootClassPath", "LibraryPath", "InputArguments");
    private static final int MAX_EXAMPLE_LENGTH = 120;

    private InventoryRecorder() {
    }

    public static MBeanInventory record(MBeanServerConnection server, String kafkaVersion, String role) throws IOException {
        Map<String, Merged> byName = new TreeMap<>();
        Set<ObjectName> names = new TreeSet<>(server.queryNames(null, null));
        for (ObjectName name : names) {
            if (name.getCanonicalName().equals("jdk.management.jfr:type=FlightRecorder")) {
                continue;
            }
            MBeanInfo info;
            try {
                info = server.getMBeanInfo(name);
            } catch (Exception gone) {
                continue;
            }
            LinkedHashMap<String, String> keys = KeyProperties.parse(name.getKeyPropertyListString());
            LinkedHashMap<String, String> general = ObjectNameGeneralizer.generalize(keys);
            String key = name.getDomain() + ":" + general;
            Merged m = byName.computeIfAbsent(key, k -> new Merged(name.getDomain(), general, MBeanKind.of(name.getDomain(), info.getClassName())));
            m.instances++;
            Map<String, String> candidate = new TreeMap<>();
            keys.forEach((k, v) -> {
                if (ObjectNameGeneralizer.isInstanceKey(k)) {
                    candidate.put(k, v);
                }
            });
            // the smallest example keeps recordings of the same topics and clients stable
            if (m.instances == 1 || candidate.toString().compareTo(m.example.toString()) < 0) {
                m.example.clear();
                m.example.putAll(candidate);
            }
            readAttributes(server, name, info, m.attributes);
        }
        List<InventoryMBean> mbeans = new ArrayList<>();
        for (Merged m : byName.values()) {
            List<InventoryAttribute> attributes = new ArrayList<>(m.attributes.values());
            mbeans.add(new InventoryMBean(m.domain, m.keys, m.example, m.kind, m.instances, attributes));
        }
        return new MBeanInventory(kafkaVersion, role, mbeans);
    }

    private static void readAttributes(MBeanServerConnection server, ObjectName name, MBeanInfo info, Map<String, InventoryAttribute> into) {
        List<MBeanAttributeInfo> readable = new ArrayList<>();
        for (MBeanAttributeInfo a : info.getAttributes()) {
            boolean skipped = name.getCanonicalName().equals("java.lang:type=Runtime") && SKIPPED_RUNTIME_ATTRIBUTES.contains(a.getName());
            if (a.isReadable() && !skipped) {
                readable.add(a);
            }
        }
        Map<String, Object> values = new TreeMap<>();
        try {
            AttributeList list = server.getAttributes(name, readable.stream().map(MBeanAttributeInfo::getName).toArray(String[]::new));
            for (Attribute a : list.asList()) {
                values.put(a.getName(), a.getValue());
            }
        } catch (Exception bulkFailed) {
            for (MBeanAttributeInfo a : readable) {
                try {
                    values.put(a.getName(), server.getAttribute(name, a.getName()));
                } catch (Exception e) {
                    // unreadable now: recorded with a null value, so its name and declared type are kept
                }
            }
        }
        for (MBeanAttributeInfo a : readable) {
            InventoryAttribute recorded = describe(a.getName(), a.getType(), values.get(a.getName()));
            into.merge(a.getName(), recorded, InventoryRecorder::richer);
        }
    }

    /** Of two readings of one attribute on MBeans merged into one entry, the one that says more (a value over null). */
    private static InventoryAttribute richer(InventoryAttribute a, InventoryAttribute b) {
        if (a.valueType().equals(InventoryAttribute.NULL_VALUE) && !b.valueType().equals(InventoryAttribute.NULL_VALUE)) {
            return b;
        }
        if (a.items().size() < b.items().size()) {
            return b;
        }
        return a;
    }

    static InventoryAttribute describe(String name, String declaredType, Object value) {
        String valueType = value == null ? InventoryAttribute.NULL_VALUE : value.getClass().getName();
        String example = null;
        List<InventoryAttribute> items = new ArrayList<>();
        if (value instanceof String s) {
            example = s.length() > MAX_EXAMPLE_LENGTH ? s.substring(0, MAX_EXAMPLE_LENGTH) : s;
        } else if (value instanceof CompositeData c) {
            valueType = CompositeData.class.getName();
            CompositeType type = c.getCompositeType();
            for (String item : new TreeSet<>(type.keySet())) {
                items.add(describe(item, typeName(type.getType(item)), c.get(item)));
            }
        } else if (value instanceof TabularData t) {
            valueType = TabularData.class.getName();
            CompositeType row = t.getTabularType().getRowType();
            List<String> index = t.getTabularType().getIndexNames();
            for (String item : new TreeSet<>(row.keySet())) {
                Object sample = t.values().isEmpty() ? null : ((CompositeData) t.values().iterator().next()).get(item);
                InventoryAttribute d = describe(item, typeName(row.getType(item)), sample);
                // an index column becomes a label in jmx_exporter; say so in the declared type
                items.add(index.contains(item) ? new InventoryAttribute(d.name(), "index:" + d.declaredType(), d.valueType(), d.example(), d.items()) : d);
            }
        } else if (value instanceof Object[] || value instanceof long[] || value instanceof int[] || value instanceof double[]) {
            valueType = value.getClass().getName();
        }
        return new InventoryAttribute(name, declaredType == null ? "-" : declaredType, valueType, example, items);
    }

    private static String typeName(OpenType<?> type) {
        return type.getTypeName();
    }

    private static final class Merged {
        final String domain;
        final LinkedHashMap<String, String> keys;
        final MBeanKind kind;
        int instances;
        final Map<String, String> example = new TreeMap<>();
        final Map<String, InventoryAttribute> attributes = new TreeMap<>();

        Merged(String domain, LinkedHashMap<String, String> keys, MBeanKind kind) {
            this.domain = domain;
            this.keys = keys;
            this.kind = kind;
        }
    }
}
