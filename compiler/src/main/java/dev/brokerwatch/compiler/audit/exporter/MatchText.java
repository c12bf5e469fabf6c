package dev.brokerwatch.compiler.audit.exporter;

import java.util.List;
import java.util.Map;

/**
 * The text jmx_exporter 1.0.1 matches each rule's pattern against, one per attribute value:
 * {@code domain<key1=value1, key2=value2><compositeAttr>attribute: value} — keys in the order the MBean was
 * registered with, values as registered (quoted ones keep their quotes), the names of enclosing composite
 * attributes between the second pair of angle brackets, the attribute name (snake_case when the rule asks), and the
 * value as Java prints it ({@code <cache>} for a rule with {@code cache: true}).
 */
public final class MatchText {
    private MatchText() {
    }

    public static String of(String domain, Map<String, String> keys, List<String> attrKeys, String attrName, String value) {
        StringBuilder s = new StringBuilder(domain).append('<');
        boolean first = true;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            s.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        s.append("><").append(String.join(", ", attrKeys)).append('>');
        return s.append(attrName).append(": ").append(value).toString();
    }

    /** jmx_exporter's attrNameSnakeCase: a capital after a lower-case letter or digit starts a new word. */
    public static String snakeCase(String attrName) {
        if (attrName == null || attrName.isEmpty()) {
            return attrName;
        }
        char first = attrName.charAt(0);
        boolean previousUpperOrUnderscore = Character.isUpperCase(first) || first == '_';
        StringBuilder out = new StringBuilder(attrName.length()).append(Character.toLowerCase(first));
        for (char c : attrName.substring(1).toCharArray()) {
            boolean upper = Character.isUpperCase(c);
            if (!previousUpperOrUnderscore && upper) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
            previousUpperOrUnderscore = upper || c == '_';
        }
        return out.toString();
    }

    /** jmx_exporter's safeName: characters outside [a-zA-Z0-9:_] become '_', runs of '_' collapse, a leading digit gets '_'. */
    public static String safeName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            out.append('_');
        }
        boolean lastUnderscore = false;
        for (char c : name.toCharArray()) {
            boolean legal = c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!legal) {
                if (!lastUnderscore) {
                    out.append('_');
                }
                lastUnderscore = true;
            } else {
                out.append(c);
                lastUnderscore = false;
            }
        }
        return out.toString();
    }
}
