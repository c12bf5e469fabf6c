package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code row "Title" [collapsed] { panels }}: a Grafana row; its panels are laid out below it. */
public record RowDecl(Span span, StringLit title, boolean collapsed, List<PanelItem> panels) implements DashboardElement {
    public RowDecl {
        panels = List.copyOf(panels);
    }
}
