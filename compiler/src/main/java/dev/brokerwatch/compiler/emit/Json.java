package dev.brokerwatch.compiler.emit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON writer for emitted dashboards: keys sorted and a two-space indent, as Grafana's own "Export as
 * JSON" writes them, so a dashboard exported again from Grafana diffs cleanly against ours. Input is a tree
 * of maps, lists, strings, numbers, booleans and nulls.
 */
public final class Json {
    private Json() {
    }

    /** A map whose keys come out sorted whatever the insertion order. */
    public static Map<String, Object> object() {
        return new TreeMap<>();
    }

    /** The JSON text of a tree, ending with one newline. */
    public static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        value(tree, 0, out);
        return out.append('\n').toString();
    }

    private static void value(Object v, int depth, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Integer || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Number n) {
            number(n.doubleValue(), out);
        } else if (v instanceof Map<?, ?> m) {
            object(m, depth, out);
        } else if (v instanceof List<?> l) {
            array(l, depth, out);
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass());
        }
    }

    private static void object(Map<?, ?> m, int depth, StringBuilder out) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        Map<String, Object> sorted = new TreeMap<>();
        m.forEach((k, v) -> sorted.put((String) k, v));
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            indent(depth + 1, out);
            string(e.getKey(), out);
            out.append(": ");
            value(e.getValue(), depth + 1, out);
            out.append(++i < sorted.size() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append('}');
    }

    private static void array(List<?> l, int depth, StringBuilder out) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < l.size(); i++) {
            indent(depth + 1, out);
            value(l.get(i), depth + 1, out);
            out.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append(']');
    }

    private static void number(double d, StringBuilder out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        }
    }

    /** A JSON string literal of {@code s}, quotes included; the one quoting every JSON output uses. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }
}
