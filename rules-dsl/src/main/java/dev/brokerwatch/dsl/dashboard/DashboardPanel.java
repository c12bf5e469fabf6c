package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.PanelBody;
import dev.brokerwatch.dsl.ast.PanelKind;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * A laid-out panel or row. {@code kind} is null for a row; a collapsed row holds its panels in
 * {@code children} (Grafana's format), an open row has none and its panels follow it. {@code span} is where
 * the panel was written (the {@code use} for a template copy).
 */
public record DashboardPanel(int id, PanelKind kind, String title, GridPos gridPos, String description,
                             List<PanelTarget> targets, String unit, Double decimals, Double min, Double max,
                             List<Threshold> thresholds, PanelBody.StackMode stack, List<ResolvedLink> links,
                             String content, boolean collapsed, List<DashboardPanel> children, Span span) {
    public DashboardPanel {
        targets = List.copyOf(targets);
        thresholds = List.copyOf(thresholds);
        links = List.copyOf(links);
        children = List.copyOf(children);
    }

    public boolean isRow() {
        return kind == null;
    }
}
