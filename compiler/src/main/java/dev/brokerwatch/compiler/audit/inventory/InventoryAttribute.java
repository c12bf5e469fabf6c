package dev.brokerwatch.compiler.audit.inventory;

import java.util.List;

/**
 * One readable attribute of an MBean (or one item of a composite attribute): its name, the type MBeanInfo declares
 * ({@code long}, {@code double}, {@code java.lang.Object}, {@code javax.management.openmbean.CompositeData}), the
 * class of the value read when recording ({@code java.lang.Long}; {@code -} for null), an example value for text
 * values (an exporter's regex may capture it), and the items of a composite value, by name.
 */
public record InventoryAttribute(String name, String declaredType, String valueType, String example, List<InventoryAttribute> items) {
    public static final String NULL_VALUE = "-";

    public InventoryAttribute {
        items = List.copyOf(items);
    }

    public boolean isComposite() {
        return !items.isEmpty() || valueType.endsWith("CompositeData") && !valueType.equals(NULL_VALUE);
    }

    public boolean isNumeric() {
        return switch (valueType) {
            case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Double",
                 "java.lang.Float", "java.math.BigDecimal", "java.math.BigInteger",
                 "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicInteger" -> true;
            default -> false;
        };
    }

    public boolean isIntegral() {
        return switch (valueType) {
            case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.math.BigInteger",
                 "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicInteger" -> true;
            default -> false;
        };
    }
}
