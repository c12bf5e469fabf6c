package dev.brokerwatch.dsl.ast;

import java.util.Locale;

/** The panel kinds the language has, with Grafana's plugin id and default size on the 24-column grid. */
public enum PanelKind {
    TIMESERIES("timeseries", 12, 8),
    STAT("stat", 4, 4),
    GAUGE("gauge", 6, 6),
    BARGAUGE("bargauge", 12, 8),
    TABLE("table", 24, 8),
    HEATMAP("heatmap", 12, 8),
    TEXT("text", 24, 3);

    private final String grafanaType;
    private final int width;
    private final int height;

    PanelKind(String grafanaType, int width, int height) {
        this.grafanaType = grafanaType;
        this.width = width;
        this.height = height;
    }

    public String grafanaType() {
        return grafanaType;
    }

    public int defaultWidth() {
        return width;
    }

    public int defaultHeight() {
        return height;
    }

    public static PanelKind of(String keyword) {
        return valueOf(keyword.toUpperCase(Locale.ROOT));
    }
}
