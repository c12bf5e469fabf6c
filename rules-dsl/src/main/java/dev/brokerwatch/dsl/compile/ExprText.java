package dev.brokerwatch.dsl.compile;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.AlertTest;
import dev.brokerwatch.dsl.ast.DurationLit;
import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.parse.Durations;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The PromQL text of an expression as Prometheus will read it: the source text with every {@code $param}
 * replaced by its value, comments removed, each line's common indentation stripped and trailing blanks
 * trimmed. Keeping the user's own layout makes the emitted rule files read like the source.
 */
public final class ExprText {
    private ExprText() {
    }

    public static String render(Expr expr, Params params) {
        Span span = expr.span();
        String source = span.file().text();
        List<ParamRef> refs = new ArrayList<>();
        collectRefs(source, span, refs);
        refs.sort(Comparator.comparingInt(r -> r.span().start()));
        StringBuilder out = new StringBuilder();
        int at = span.start();
        for (ParamRef ref : refs) {
            out.append(source, at, ref.span().start());
            out.append(params.value(ref.name()).map(ParamValue::promql).orElse("$" + ref.name()));
            at = ref.span().end();
        }
        out.append(source, at, span.end());
        return layout(out.toString());
    }

    /** PromQL text as emitted: comments removed, common indentation and trailing blanks stripped, empty lines dropped. */
    public static String layout(String promql) {
        return tidy(stripComments(promql));
    }

    /** A duration's value as Prometheus spells it, whether written literally or through a parameter. */
    public static String duration(DurationRef ref, Params params) {
        if (ref instanceof DurationLit d) {
            return Durations.format(d.millis());
        }
        ParamRef p = (ParamRef) ref;
        return params.value(p.name()).filter(v -> v instanceof ParamValue.DurationValue)
                .map(v -> Durations.format(((ParamValue.DurationValue) v).millis())).orElse("$" + p.name());
    }

    public static long durationMillis(DurationRef ref, Params params, long fallback) {
        if (ref == null) {
            return fallback;
        }
        if (ref instanceof DurationLit d) {
            return d.millis();
        }
        ParamRef p = (ParamRef) ref;
        return params.value(p.name()).filter(v -> v instanceof ParamValue.DurationValue)
                .map(v -> ((ParamValue.DurationValue) v).millis()).orElse(fallback);
    }

    // $name tokens are found in the text itself: a $ outside strings and comments is always a parameter here
    private static void collectRefs(String source, Span span, List<ParamRef> out) {
        int i = span.start();
        while (i < span.end()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(source, i, span.end());
                continue;
            }
            if (c == '#') {
                while (i < span.end() && source.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '$') {
                int j = i + 1;
                while (j < span.end() && (Character.isLetterOrDigit(source.charAt(j)) || source.charAt(j) == '_')) {
                    j++;
                }
                out.add(new ParamRef(new Span(span.file(), i, j), source.substring(i + 1, j)));
                i = j;
                continue;
            }
            i++;
        }
    }

    private static int skipString(String s, int start, int end) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return end;
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = skipString(text, i, text.length());
                out.append(text, i, end);
                i = end;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String tidy(String text) {
        String[] lines = text.split("\r?\n", -1);
        int indent = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                indent = Math.min(indent, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 || indent == Integer.MAX_VALUE ? lines[i] : lines[i].substring(Math.min(indent, lines[i].length() - lines[i].stripLeading().length()));
            line = line.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line);
        }
        return out.toString().strip();
    }

    /** The evaluation interval of an alert test (promtool's default is one minute). */
    public static long testInterval(AlertTest test, Params params) {
        return durationMillis(test.interval(), params, 60_000);
    }

    public static String forOf(AlertRule alert, Params params) {
        return alert.forDuration() == null ? null : duration(alert.forDuration(), params);
    }
}
