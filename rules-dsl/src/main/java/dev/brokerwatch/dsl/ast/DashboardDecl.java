package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code dashboard name "Title" { ... }}: one Grafana dashboard. Absent settings are null; rows and
 * panels keep their source order in {@code elements}, which the layout follows.
 */
public record DashboardDecl(Span span, Ident name, StringLit title, StringLit uid, List<StringLit> tags,
                            StringLit description, DurationLit time, DurationLit refresh, Ident datasource,
                            List<LinkDecl> links, List<VariableDecl> variables, List<DashboardElement> elements)
        implements Statement {
    public DashboardDecl {
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        variables = List.copyOf(variables);
        elements = List.copyOf(elements);
    }
}
