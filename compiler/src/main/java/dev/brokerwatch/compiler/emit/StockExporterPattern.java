package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.catalog.JmxBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regex with which jmx_exporter picks one attribute of the MBeans an ObjectName pattern names, and the
 * label values taken from it. jmx_exporter 1.0.1 matches each attribute as the text
 * {@code domain<key1=value1, key2=value2><>Attribute: value}, keys in registration order and values as
 * registered (quoted values keep their quotes), against {@code ^.*(?:PATTERN).*$}.
 */
record StockExporterPattern(String regex, Map<String, String> labelValues) {

    // a quoted value (its content captured without the quotes) or a plain one; Kafka quotes values such as
    // logDirectory="/var/lib/kafka" that hold characters an ObjectName does not allow bare
    private static final String ANY_VALUE = "(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\",]+))";
    private static final String ANY_VALUE_UNCAPTURED = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\",]+)";

    static StockExporterPattern of(JmxBinding binding, String attribute) {
        ObjectNamePattern name = ObjectNamePattern.parse(binding.objectName());
        Map<String, String> labelOfKey = new LinkedHashMap<>();
        binding.labels().forEach(l -> labelOfKey.putIfAbsent(l.key(), l.label()));

        Map<String, String> valueOfKey = new LinkedHashMap<>();
        List<String> properties = new ArrayList<>();
        int groups = 0;
        for (ObjectNamePattern.Property p : name.properties()) {
            String value;
            if (p.wildcard() && labelOfKey.containsKey(p.key())) {
                value = ANY_VALUE;
                groups += 2;
                valueOfKey.put(p.key(), "$" + (groups - 1) + "$" + groups); // an unmatched group adds nothing
            } else if (p.wildcard()) {
                value = ANY_VALUE_UNCAPTURED;
            } else {
                value = escape(p.value());
            }
            properties.add(escape(p.key()) + "=" + value);
        }
        StringBuilder regex = new StringBuilder("^").append(escape(name.domain())).append('<');
        if (name.anyOtherProperties()) {
            // other keys may come anywhere: require each named one by lookahead, then skip the whole list
            for (String property : properties) {
                regex.append("(?=(?:[^<>]*, )?").append(property).append("(?:, |><))");
            }
            regex.append("[^<>]*");
        } else {
            regex.append(String.join(", ", properties));
        }
        // the attribute list is empty for a plain attribute; ':' ends the attribute name
        regex.append("><>").append(escape(attribute)).append(':');

        Map<String, String> labels = new LinkedHashMap<>();
        for (JmxBinding.LabelKey label : binding.labels()) {
            String value = valueOfKey.get(label.key());
            if (value == null) {
                value = fixedValue(name, label.key());
            }
            if (value != null) {
                labels.put(label.label(), value);
            }
        }
        return new StockExporterPattern(regex.toString(), labels);
    }

    // a label on a key with a fixed value: the value itself, unquoted, safe as a regex replacement
    private static String fixedValue(ObjectNamePattern name, String key) {
        for (ObjectNamePattern.Property p : name.properties()) {
            if (p.key().equals(key)) {
                String v = p.value();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return java.util.regex.Matcher.quoteReplacement(v);
            }
        }
        return null;
    }

    /** Backslash before every character that means something in a Java regex. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
