package dev.brokerwatch.compiler.emit;

/**
 * What jmx_prometheus_javaagent 1.0.1 does to a rule's {@code name}, learned from its source (JmxCollector.safeName,
 * MatchedRule.withValue, client_java 1.3.1 PrometheusNaming.sanitizeMetricName and PrometheusTextFormatWriter):
 * characters outside {@code [a-zA-Z0-9:_]} become {@code _} and runs of {@code _} collapse to one; then the
 * suffixes {@code _total}, {@code _created}, {@code _bucket} and {@code _info} are stripped, repeatedly, whatever
 * the type; on exposition a COUNTER gains {@code _total} again, GAUGE and UNTYPED do not.
 */
public final class StockExporterNaming {
    private static final String[] RESERVED_SUFFIXES = {"_total", "_created", "_bucket", "_info"};

    private StockExporterNaming() {
    }

    /** The series name the stock exporter exposes for a rule with this name and type. */
    public static String exposedSeries(String ruleName, String type) {
        String family = strippedFamily(safeName(ruleName));
        return type.equals("COUNTER") ? family + "_total" : family;
    }

    /** The family name the stock exporter exposes for a rule with this name (a counter's samples add {@code _total}). */
    public static String exposedFamily(String ruleName) {
        return strippedFamily(safeName(ruleName));
    }

    /** The label name the stock exporter exposes for a rule's label key. */
    public static String exposedLabel(String labelName) {
        return safeName(labelName);
    }

    private static String strippedFamily(String name) {
        boolean modified = true;
        while (modified) {
            modified = false;
            for (String suffix : RESERVED_SUFFIXES) {
                if (name.equals(suffix)) {
                    return suffix.substring(1);
                }
                if (name.endsWith(suffix)) {
                    name = name.substring(0, name.length() - suffix.length());
                    modified = true;
                }
            }
        }
        return name;
    }

    private static String safeName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            out.append('_');
        }
        boolean lastWasUnderscore = false;
        for (char c : name.toCharArray()) {
            boolean legal = c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!legal) {
                if (!lastWasUnderscore) {
                    out.append('_');
                }
                lastWasUnderscore = true;
            } else {
                out.append(c);
                lastWasUnderscore = false;
            }
        }
        return out.toString();
    }
}
