package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.dashboard.GrafanaBuiltins;
import dev.brokerwatch.dsl.parse.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's template variables in a PromQL query, replaced by values that parse and check like the ones Grafana
 * puts there: a duration for {@code $__rate_interval}, {@code $__interval} and {@code $__range} (four scrape
 * intervals, what {@code $__rate_interval} is at least), a number for their {@code _ms}/{@code _s} forms, the
 * sample value {@code x} inside a string ({@code pod=~"$pod"}), a duration in a range or after {@code offset},
 * and {@code 1} elsewhere. Every replacing character points at the variable as written, so problems found
 * around it keep their columns.
 */
public final class GrafanaQueries {
    // $name, ${name}, ${name:format}, [[name]], [[name:format]]
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}|\\$([A-Za-z0-9_]+)|\\[\\[([A-Za-z0-9_]+)(?::[^\\]]*)?]]");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\(");
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\s*\\(");

    /** A variable written in a query: its name and where it is in the query text. */
    public record Use(String name, int start, int end) {
    }

    /** A query with its variables replaced, and the variables it uses. */
    public record Substituted(MappedText query, List<Use> uses) {
    }

    private GrafanaQueries() {
    }

    public static Substituted substitute(MappedText query, long scrapeIntervalMillis) {
        String text = query.text();
        StringBuilder out = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        List<Use> uses = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        int last = 0;
        while (m.find()) {
            append(out, offsets, query, last, m.start());
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            uses.add(new Use(name, m.start(), m.end()));
            String value = replacement(name, text, m.start(), m.end(), scrapeIntervalMillis);
            int at = query.offsetOf(m.start());
            for (int i = 0; i < value.length(); i++) {
                out.append(value.charAt(i));
                offsets.add(at);
            }
            last = m.end();
        }
        append(out, offsets, query, last, text.length());
        int[] mapped = new int[out.length() + 1];
        for (int i = 0; i < out.length(); i++) {
            mapped[i] = offsets.get(i);
        }
        mapped[out.length()] = query.offsetOf(text.length());
        // the character after a replaced variable starts where the variable ends, so its span covers all of it
        return new Substituted(new MappedText(out.toString(), query.file(), mapped), uses);
    }

    private static void append(StringBuilder out, List<Integer> offsets, MappedText query, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(query.text().charAt(i));
            offsets.add(query.offsetOf(i));
        }
    }

    private static String replacement(String name, String text, int start, int end, long scrapeIntervalMillis) {
        String duration = Durations.format(4 * scrapeIntervalMillis);
        if (GrafanaBuiltins.DURATIONS.contains(name)) {
            return duration;
        }
        if (name.endsWith("_ms")) {
            return Long.toString(4 * scrapeIntervalMillis);
        }
        if (name.endsWith("_s")) {
            return Long.toString(4 * scrapeIntervalMillis / 1000);
        }
        if (insideString(text, start)) {
            return "x";
        }
        String before = text.substring(0, start).stripTrailing();
        String after = text.substring(end).stripLeading();
        if (before.endsWith("[") || before.endsWith(":") || before.endsWith("offset") || after.startsWith("]") || after.startsWith(":")) {
            return duration;
        }
        return "1";
    }

    /** Whether {@code at} is inside a PromQL string literal (double, single or back quotes). */
    static boolean insideString(String text, int at) {
        char quote = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            }
        }
        return quote != 0;
    }

    /**
     * The PromQL part of a query variable's definition: the selector of {@code label_values(selector, label)},
     * the expression of {@code query_result(expr)}; null for other forms (they hold no PromQL to check).
     */
    public static MappedText variableSelector(MappedText definition) {
        String text = definition.text();
        Matcher lv = LABEL_VALUES.matcher(text);
        Matcher qr = QUERY_RESULT.matcher(text);
        int open;
        boolean labelValues;
        if (lv.find()) {
            open = lv.end();
            labelValues = true;
        } else if (qr.find()) {
            open = qr.end();
            labelValues = false;
        } else {
            return null;
        }
        int close = text.lastIndexOf(')');
        if (close < open) {
            return null;
        }
        int end = close;
        if (labelValues) {
            int depth = 0;
            int comma = -1;
            for (int i = open; i < close; i++) {
                char c = text.charAt(i);
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                } else if (c == ',' && depth == 0 && !insideString(text.substring(open), i - open)) {
                    comma = i;
                }
            }
            if (comma < 0) {
                return null; // label_values(label): no selector
            }
            end = comma;
        }
        int start = open;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? definition.sub(start, end) : null;
    }

}
