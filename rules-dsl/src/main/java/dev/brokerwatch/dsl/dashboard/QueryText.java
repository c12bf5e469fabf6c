package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The PromQL text Grafana gets for a panel query: the source text with pack parameters and template
 * arguments replaced and Grafana variables kept (a variable written bare as a matcher value is quoted,
 * since Grafana substitutes text). Comments are dropped and common indentation removed.
 */
public final class QueryText {
    private record Edit(int start, int end, String text) {
    }

    private QueryText() {
    }

    public static String render(Expr expr, DashboardScope scope) {
        return render(expr.span(), QuerySites.of(expr), scope);
    }

    public static String render(VectorSelector selector, DashboardScope scope) {
        QuerySites sites = new QuerySites();
        sites.selector(selector);
        return render(selector.span(), sites, scope);
    }

    private static String render(Span span, QuerySites sites, DashboardScope scope) {
        String source = span.file().text();
        List<Edit> edits = new ArrayList<>();
        for (QuerySites.RefSite site : sites.refs) {
            String replacement = replacement(site, scope);
            if (replacement != null) {
                edits.add(new Edit(site.ref().span().start(), site.ref().span().end(), replacement));
            }
        }
        for (StringLit s : sites.strings) {
            // only template arguments change inside strings: "$topic" is Grafana's to fill in
            String raw = s.span().text();
            String replaced = VariableRefs.replace(raw, name -> scope.kindOf(name) == DashboardScope.Kind.ARGUMENT
                    ? escape(scope.textOf(name), raw.charAt(0)) : null);
            if (!replaced.equals(raw)) {
                edits.add(new Edit(s.span().start(), s.span().end(), replaced));
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder();
        int at = span.start();
        for (Edit e : edits) {
            if (e.start() < at) {
                continue;
            }
            out.append(source, at, e.start()).append(e.text());
            at = e.end();
        }
        out.append(source, at, span.end());
        return tidy(stripComments(out.toString()));
    }

    private static String replacement(QuerySites.RefSite site, DashboardScope scope) {
        String name = site.ref().name();
        String written = site.ref().span().text();
        return switch (scope.kindOf(name)) {
            case ARGUMENT -> {
                String text = scope.textOf(name);
                yield site.role() == QuerySites.Role.MATCHER
                        || (site.role() == QuerySites.Role.VALUE && scope.args().get(name) instanceof StringLit)
                        ? new ParamValue.StringValue(text).promql() : text;
            }
            case VARIABLE -> site.role() == QuerySites.Role.MATCHER ? "\"" + written + "\"" : null;
            case PARAM -> scope.params().value(name).map(ParamValue::promql).orElse(null);
            default -> null;
        };
    }

    private static String escape(String value, char quote) {
        if (quote == '`') {
            return value;
        }
        return value.replace("\\", "\\\\").replace(String.valueOf(quote), "\\" + quote);
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' && c != '`' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
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
            String line = lines[i];
            if (i > 0 && indent != Integer.MAX_VALUE && !line.isBlank()) {
                line = line.substring(Math.min(indent, line.length() - line.stripLeading().length()));
            }
            line = line.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            out.append(out.length() > 0 ? "\n" : "").append(line);
        }
        return out.toString().strip();
    }
}
