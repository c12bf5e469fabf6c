package dev.brokerwatch.dsl.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana variable references inside text (a PromQL string, a title, a legend, a link): {@code $name},
 * {@code ${name}}, {@code ${name:format}} and the deprecated {@code [[name]]}.
 */
public final class VariableRefs {
    private static final Pattern REF = Pattern.compile(
            "\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)(?::[^}]*)?}|\\[\\[([a-zA-Z_][a-zA-Z0-9_]*)(?::[^\\]]*)?]]|\\$([a-zA-Z_][a-zA-Z0-9_]*)");

    /** One reference: the name, and where it sits in the text ({@code end} exclusive). */
    public record Ref(String name, int start, int end) {
    }

    private VariableRefs() {
    }

    public static List<Ref> find(String text) {
        List<Ref> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = REF.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            out.add(new Ref(name, m.start(), m.end()));
        }
        return out;
    }

    /** Replaces each reference for which {@code replacement} returns non-null; others stay as written. */
    public static String replace(String text, Function<String, String> replacement) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Ref ref : find(text)) {
            String value = replacement.apply(ref.name());
            if (value == null) {
                continue;
            }
            out.append(text, at, ref.start()).append(value);
            at = ref.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
