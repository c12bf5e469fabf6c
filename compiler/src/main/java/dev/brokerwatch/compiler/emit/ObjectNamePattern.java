package dev.brokerwatch.compiler.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * An ObjectName pattern split as written: the domain and the key properties in the order given (JMX's
 * own parser sorts them, but the order written is the MBean's registration order, which is what
 * jmx_exporter matches against), and whether it ends in the property-list wildcard {@code ,*}.
 */
record ObjectNamePattern(String domain, List<Property> properties, boolean anyOtherProperties) {

    record Property(String key, String value) {
        boolean wildcard() {
            return value.equals("*");
        }
    }

    static ObjectNamePattern parse(String pattern) {
        int colon = pattern.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not an ObjectName pattern: " + pattern);
        }
        List<Property> properties = new ArrayList<>();
        boolean anyOther = false;
        for (String part : splitOutsideQuotes(pattern.substring(colon + 1))) {
            if (part.equals("*")) {
                anyOther = true;
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("key property without '=' in " + pattern);
            }
            properties.add(new Property(part.substring(0, eq), part.substring(eq + 1)));
        }
        return new ObjectNamePattern(pattern.substring(0, colon), List.copyOf(properties), anyOther);
    }

    // a quoted value may hold commas and backslash escapes
    private static List<String> splitOutsideQuotes(String list) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quoted && c == '\\' && i + 1 < list.length()) {
                current.append(c).append(list.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
