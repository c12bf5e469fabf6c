package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.compiler.audit.inventory.InventoryAttribute;
import dev.brokerwatch.compiler.audit.inventory.InventoryMBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One value jmx_exporter hands to its rules: a plain attribute of an MBean, or an item of a composite attribute
 * (then {@code attrKeys} names the enclosing attributes), or a value of a tabular attribute's row: jmx_exporter
 * 1.0.1 adds the row's index columns to the keys (a repeated one with {@code _} appended) and names the row's
 * values like composite items, except that a value column called {@code value} takes the tabular attribute's
 * place. The recorded row (the first) stands for every row: rows differ in their index values only.
 */
public record AttributeLeaf(InventoryMBean mbean, LinkedHashMap<String, String> keys, List<String> attrKeys, InventoryAttribute attribute) {

    /** Every leaf of an MBean in jmx_exporter's order: attributes by name, composite items by name. */
    public static List<AttributeLeaf> of(InventoryMBean mbean, LinkedHashMap<String, String> keys) {
        List<AttributeLeaf> out = new ArrayList<>();
        for (InventoryAttribute a : mbean.attributes()) {
            add(out, mbean, keys, List.of(), a);
        }
        return out;
    }

    private static void add(List<AttributeLeaf> out, InventoryMBean mbean, LinkedHashMap<String, String> keys, List<String> path, InventoryAttribute a) {
        if (a.valueType().endsWith("TabularData")) {
            LinkedHashMap<String, String> rowKeys = new LinkedHashMap<>(keys);
            List<InventoryAttribute> values = new ArrayList<>();
            for (InventoryAttribute column : a.items()) {
                if (column.declaredType().startsWith("index:")) {
                    String key = column.name();
                    while (rowKeys.containsKey(key)) {
                        key = key + "_";
                    }
                    rowKeys.put(key, column.example() == null ? "x" : column.example());
                } else {
                    values.add(column);
                }
            }
            List<String> extended = new ArrayList<>(path);
            extended.add(a.name());
            for (InventoryAttribute column : values) {
                if (column.name().equalsIgnoreCase("value")) {
                    add(out, mbean, rowKeys, path, new InventoryAttribute(a.name(), column.declaredType(), column.valueType(),
                            column.example(), column.items()));
                } else {
                    add(out, mbean, rowKeys, List.copyOf(extended), column);
                }
            }
            return;
        }
        if (a.valueType().endsWith("CompositeData")) {
            List<String> inner = new ArrayList<>(path);
            inner.add(a.name());
            for (InventoryAttribute item : a.items()) {
                add(out, mbean, keys, List.copyOf(inner), item);
            }
            return;
        }
        out.add(new AttributeLeaf(mbean, keys, path, a));
    }

    public String name() {
        return attribute.name();
    }

    /** True when jmx_exporter reads a value at all: null values and arrays are skipped before any rule sees them. */
    public boolean hasValue() {
        String t = attribute.valueType();
        return !t.equals(InventoryAttribute.NULL_VALUE) && !t.startsWith("[");
    }

    /**
     * Two values this attribute may show at two scrapes, as Java prints them (what the match text ends with): a
     * rule whose output differs between them depends on the value. Text values keep their recorded example.
     */
    public List<String> sampleValues() {
        InventoryAttribute a = attribute;
        if (a.valueType().equals("java.lang.Boolean")) {
            return List.of("true", "false");
        }
        if (a.valueType().equals("java.lang.String")) {
            String example = a.example() == null ? "" : a.example();
            return List.of(example, example);
        }
        if (a.valueType().equals("java.util.Date")) {
            return List.of("1.7E9", "1.8E9");
        }
        if (a.isIntegral()) {
            return List.of("42", "987654321");
        }
        return List.of("42.5", "1.2345678901E8");
    }

    /** What jmx_exporter does with a value of this type when the rule sets no {@code value}: export it, or skip it. */
    public boolean isExportable() {
        return a().isNumeric() || a().valueType().equals("java.lang.Boolean") || a().valueType().equals("java.util.Date");
    }

    private InventoryAttribute a() {
        return attribute;
    }

    /** {@code kafka.server:type=X,name=Y Count}, for messages. */
    public String describe() {
        String path = attrKeys.isEmpty() ? "" : String.join(".", attrKeys) + ".";
        StringBuilder s = new StringBuilder(mbean.domain()).append(':');
        boolean first = true;
        for (var e : keys.entrySet()) {
            s.append(first ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return s.append(' ').append(path).append(attribute.name()).toString();
    }
}
