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
        return dev.brokerwatch.dsl.compile.ExprText.layout(out.toString());
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
}
