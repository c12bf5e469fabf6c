package dev.brokerwatch.compiler.audit.inventory;

import java.util.LinkedHashMap;

/**
 * The key properties of an ObjectName in the order they were registered ({@code getKeyPropertyListString()} keeps
 * it; {@code getKeyPropertyList()} does not). jmx_exporter forms its match text in this order. Quoted values keep
 * their quotes, as in the ObjectName.
 */
public final class KeyProperties {
    private KeyProperties() {
    }

    public static LinkedHashMap<String, String> parse(String keyPropertyListString) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        String s = keyPropertyListString;
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("no '=' after position " + i + " in " + s);
            }
            String key = s.substring(i, eq);
            int j = eq + 1;
            if (j < s.length() && s.charAt(j) == '"') {
                j++;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j++; // the closing quote
            } else {
                while (j < s.length() && s.charAt(j) != ',') {
                    j++;
                }
            }
            j = Math.min(j, s.length());
            out.put(key, s.substring(eq + 1, j));
            i = j < s.length() && s.charAt(j) == ',' ? j + 1 : j;
        }
        return out;
    }
}
