package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.ast.PanelBody;
import dev.brokerwatch.dsl.ast.PanelKind;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.dashboard.DashboardPanel;
import dev.brokerwatch.dsl.dashboard.DashboardVariable;
import dev.brokerwatch.dsl.dashboard.GridPos;
import dev.brokerwatch.dsl.dashboard.PanelTarget;
import dev.brokerwatch.dsl.dashboard.ResolvedLink;
import dev.brokerwatch.dsl.ast.LinkDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resolved dashboard as Grafana's dashboard JSON model, the shape Grafana 11 and 12 write on export
 * (schemaVersion {@value #SCHEMA_VERSION}): rows and panels with gridPos, fieldConfig, options and targets;
 * templating.list; every query pointing at the datasource through the {@code ${datasource}} variable, so one
 * file works against any Prometheus. Settings Grafana fills in with defaults are written out anyway, so the
 * dashboard looks the same in every Grafana version that loads it.
 */
public final class GrafanaDashboardModel {
    /** The schema version Grafana 12.0 writes; newer versions migrate it on load. */
    public static final int SCHEMA_VERSION = 41;

    private final Dashboard dashboard;
    private final Map<String, Object> datasource;

    private GrafanaDashboardModel(Dashboard dashboard) {
        this.dashboard = dashboard;
        this.datasource = obj("type", "prometheus", "uid", "${" + dashboard.datasourceVariable() + "}");
    }

    /** The dashboard JSON text, deterministic. */
    public static String json(Dashboard dashboard) {
        return Json.write(new GrafanaDashboardModel(dashboard).tree());
    }

    Map<String, Object> tree() {
        Map<String, Object> d = Json.object();
        d.put("annotations", obj("list", List.of(obj(
                "builtIn", 1, "datasource", obj("type", "grafana", "uid", "-- Grafana --"), "enable", true, "hide", true,
                "iconColor", "rgba(0, 211, 255, 1)", "name", "Annotations & Alerts", "type", "dashboard"))));
        d.put("description", dashboard.description());
        d.put("editable", true);
        d.put("fiscalYearStartMonth", 0);
        d.put("graphTooltip", 1); // shared crosshair: line up a latency spike with the broker that caused it
        d.put("links", dashboard.links().stream().map(this::dashboardLink).toList());
        d.put("panels", dashboard.panels().stream().map(this::panel).toList());
        d.put("refresh", dashboard.refresh());
        d.put("schemaVersion", SCHEMA_VERSION);
        d.put("tags", dashboard.tags());
        List<Object> variables = new ArrayList<>();
        variables.add(datasourceVariable());
        dashboard.variables().forEach(v -> variables.add(variable(v)));
        d.put("templating", obj("list", variables));
        d.put("time", obj("from", dashboard.timeFrom(), "to", "now"));
        d.put("timepicker", Json.object());
        d.put("timezone", "browser");
        d.put("title", dashboard.title());
        d.put("uid", dashboard.uid());
        d.put("version", 1);
        d.put("weekStart", "");
        return d;
    }

    // ---- variables ---------------------------------------------------------------------------------

    private Map<String, Object> datasourceVariable() {
        Map<String, Object> v = Json.object();
        v.put("hide", 0);
        v.put("includeAll", false);
        v.put("label", "Data source");
        v.put("multi", false);
        v.put("name", dashboard.datasourceVariable());
        v.put("options", List.of());
        v.put("query", "prometheus");
        v.put("refresh", 1);
        v.put("regex", "");
        v.put("type", "datasource");
        return v;
    }

    private Map<String, Object> variable(DashboardVariable var) {
        Map<String, Object> v = Json.object();
        v.put("name", var.name());
        if (var.label() != null) {
            v.put("label", var.label());
        }
        v.put("hide", var.decl().hidden() ? 2 : 0);
        v.put("multi", var.decl().multi());
        v.put("includeAll", var.decl().includeAll());
        String defaultValue = var.decl().defaultValue() == null ? null : var.decl().defaultValue().value();
        switch (var.kind()) {
            case QUERY -> {
                v.put("type", "query");
                v.put("datasource", datasource);
                v.put("query", obj("qryType", 1, "query", var.query(), "refId", "PrometheusVariableQueryEditor-VariableQuery"));
                v.put("refresh", 2); // on time range change: brokers and topics come and go
                v.put("regex", var.decl().regex() == null ? "" : var.decl().regex().value());
                v.put("sort", 1);
                v.put("options", List.of());
                if (defaultValue != null) {
                    v.put("current", option(defaultValue, true));
                }
            }
            case CUSTOM, INTERVAL -> {
                v.put("type", var.kind() == DashboardVariable.Kind.CUSTOM ? "custom" : "interval");
                String current = defaultValue != null ? defaultValue : var.values().get(0);
                v.put("query", String.join(",", var.values().stream().map(s -> s.replace(",", "\\,")).toList()));
                v.put("options", var.values().stream().map(s -> option(s, s.equals(current))).toList());
                v.put("current", option(current, true));
                if (var.kind() == DashboardVariable.Kind.INTERVAL) {
                    v.put("refresh", 2);
                }
            }
        }
        return v;
    }

    private static Map<String, Object> option(String value, boolean selected) {
        return obj("selected", selected, "text", value, "value", value);
    }

    // ---- panels ------------------------------------------------------------------------------------

    private Map<String, Object> panel(DashboardPanel p) {
        if (p.isRow()) {
            Map<String, Object> row = Json.object();
            row.put("collapsed", p.collapsed());
            row.put("gridPos", gridPos(p.gridPos()));
            row.put("id", p.id());
            row.put("panels", p.children().stream().map(this::panel).toList());
            row.put("title", p.title());
            row.put("type", "row");
            return row;
        }
        Map<String, Object> panel = Json.object();
        panel.put("gridPos", gridPos(p.gridPos()));
        panel.put("id", p.id());
        panel.put("title", p.title());
        panel.put("type", p.kind().grafanaType());
        if (p.description() != null) {
            panel.put("description", p.description());
        }
        if (!p.links().isEmpty()) {
            panel.put("links", p.links().stream().map(this::panelLink).toList());
        }
        if (p.kind() == PanelKind.TEXT) {
            panel.put("options", obj("code", obj("language", "plaintext", "showLineNumbers", false, "showMiniMap", false),
                    "content", p.content() == null ? "" : p.content(), "mode", "markdown"));
            return panel;
        }
        boolean bucketed = p.kind() == PanelKind.HEATMAP && !p.targets().isEmpty()
                && p.targets().stream().allMatch(t -> t.analysis().info(t.checked()).labels().has("le"));
        panel.put("datasource", datasource);
        panel.put("targets", p.targets().stream().map(t -> target(p, t, bucketed)).toList());
        panel.put("fieldConfig", obj("defaults", fieldDefaults(p), "overrides", List.of()));
        panel.put("options", options(p, bucketed));
        if (p.kind() == PanelKind.TABLE) {
            List<Object> transformations = new ArrayList<>();
            if (p.targets().size() > 1) {
                transformations.add(obj("id", "merge", "options", Json.object()));
            }
            transformations.add(obj("id", "organize", "options", obj("excludeByName", obj("Time", true),
                    "indexByName", Json.object(), "renameByName", Json.object())));
            panel.put("transformations", transformations);
        }
        return panel;
    }

    private Map<String, Object> target(DashboardPanel p, PanelTarget t, boolean bucketed) {
        boolean instant = t.instant() || p.kind() == PanelKind.TABLE;
        Map<String, Object> target = Json.object();
        target.put("datasource", datasource);
        target.put("editorMode", "code");
        target.put("expr", t.text());
        target.put("instant", instant);
        target.put("range", !instant);
        target.put("refId", t.refId());
        target.put("legendFormat", t.legend() != null ? t.legend() : bucketed ? "{{le}}" : "__auto");
        target.put("format", p.kind() == PanelKind.TABLE ? "table" : bucketed ? "heatmap" : "time_series");
        return target;
    }

    private Map<String, Object> fieldDefaults(DashboardPanel p) {
        Map<String, Object> d = Json.object();
        d.put("color", obj("mode", p.kind() == PanelKind.TIMESERIES || p.kind() == PanelKind.TABLE ? "palette-classic" : "thresholds"));
        d.put("mappings", List.of());
        List<Object> steps = new ArrayList<>();
        if (p.thresholds().isEmpty()) {
            steps.add(step(null, "green"));
        } else {
            p.thresholds().forEach(t -> steps.add(step(t.value(), t.color())));
        }
        d.put("thresholds", obj("mode", "absolute", "steps", steps));
        if (p.unit() != null) {
            d.put("unit", p.unit());
        }
        if (p.decimals() != null) {
            d.put("decimals", p.decimals());
        }
        if (p.min() != null) {
            d.put("min", p.min());
        }
        if (p.max() != null) {
            d.put("max", p.max());
        }
        Map<String, Object> custom = custom(p);
        if (custom != null) {
            d.put("custom", custom);
        }
        return d;
    }

    private static Map<String, Object> step(Double value, String color) {
        Map<String, Object> s = Json.object();
        s.put("color", color);
        s.put("value", value);
        return s;
    }

    private static final Map<String, Object> HIDE_FROM = obj("legend", false, "tooltip", false, "viz", false);

    private Map<String, Object> custom(DashboardPanel p) {
        return switch (p.kind()) {
            case TIMESERIES -> {
                Map<String, Object> c = Json.object();
                c.put("axisBorderShow", false);
                c.put("axisCenteredZero", false);
                c.put("axisColorMode", "text");
                c.put("axisLabel", "");
                c.put("axisPlacement", "auto");
                c.put("barAlignment", 0);
                c.put("drawStyle", "line");
                c.put("fillOpacity", p.stack() != null ? 25 : 10);
                c.put("gradientMode", "none");
                c.put("hideFrom", HIDE_FROM);
                c.put("insertNulls", false);
                c.put("lineInterpolation", "linear");
                c.put("lineWidth", 1);
                c.put("pointSize", 5);
                c.put("scaleDistribution", obj("type", "linear"));
                c.put("showPoints", "never");
                c.put("spanNulls", false);
                c.put("stacking", obj("group", "A", "mode", p.stack() == null ? "none"
                        : p.stack() == PanelBody.StackMode.PERCENT ? "percent" : "normal"));
                // thresholds on a graph are drawn as dashed lines: the alert's line, where it has one
                c.put("thresholdsStyle", obj("mode", p.thresholds().size() > 1 ? "dashed" : "off"));
                yield c;
            }
            case TABLE -> obj("align", "auto", "cellOptions", obj("type", "auto"), "inspect", false);
            case HEATMAP -> obj("hideFrom", HIDE_FROM, "scaleDistribution", obj("type", "linear"));
            default -> null;
        };
    }

    private Map<String, Object> options(DashboardPanel p, boolean bucketed) {
        Map<String, Object> reduce = obj("calcs", List.of("lastNotNull"), "fields", "", "values", false);
        return switch (p.kind()) {
            case TIMESERIES -> obj(
                    "legend", obj("calcs", List.of("mean", "max", "lastNotNull"), "displayMode", "table", "placement", "bottom", "showLegend", true),
                    "tooltip", obj("hideZeros", false, "mode", "multi", "sort", "desc"));
            case STAT -> {
                Map<String, Object> o = Json.object();
                o.put("colorMode", "value");
                o.put("graphMode", "area");
                o.put("justifyMode", "auto");
                o.put("orientation", "auto");
                o.put("percentChangeColorMode", "standard");
                o.put("reduceOptions", reduce);
                o.put("showPercentChange", false);
                o.put("textMode", "auto");
                o.put("wideLayout", true);
                yield o;
            }
            case GAUGE -> {
                // Grafana 12.4's gauge defaults, written out; earlier versions ignore the options they do not know
                Map<String, Object> o = Json.object();
                o.put("barShape", "flat");
                o.put("barWidthFactor", 0.5);
                o.put("effects", obj("barGlow", false, "centerGlow", false, "gradient", true));
                o.put("minVizHeight", 75);
                o.put("minVizWidth", 75);
                o.put("orientation", "auto");
                o.put("reduceOptions", reduce);
                o.put("segmentCount", 1);
                o.put("segmentSpacing", 0.3);
                o.put("shape", "gauge");
                o.put("showThresholdLabels", false);
                o.put("showThresholdMarkers", true);
                o.put("sizing", "auto");
                yield o;
            }
            case BARGAUGE -> {
                Map<String, Object> o = Json.object();
                o.put("displayMode", "gradient");
                o.put("legend", obj("calcs", List.of(), "displayMode", "list", "placement", "bottom", "showLegend", false));
                o.put("maxVizHeight", 300);
                o.put("minVizHeight", 16);
                o.put("minVizWidth", 8);
                o.put("namePlacement", "auto");
                o.put("orientation", "horizontal");
                o.put("reduceOptions", reduce);
                o.put("showUnfilled", true);
                o.put("sizing", "auto");
                o.put("valueMode", "color");
                yield o;
            }
            case TABLE -> obj("cellHeight", "sm", "frameIndex", 0, "showHeader", true);
            case HEATMAP -> {
                Map<String, Object> o = Json.object();
                o.put("calculate", !bucketed);
                o.put("cellGap", 1);
                o.put("color", obj("exponent", 0.5, "fill", "dark-orange", "mode", "scheme", "reverse", false, "scale", "exponential",
                        "scheme", "Oranges", "steps", 64));
                o.put("exemplars", obj("color", "rgba(255,0,255,0.7)"));
                o.put("filterValues", obj("le", 1e-9));
                o.put("legend", obj("show", true));
                o.put("rowsFrame", obj("layout", "auto"));
                o.put("showValue", "auto");
                o.put("tooltip", obj("mode", "single", "showColorScale", false, "yHistogram", false));
                Map<String, Object> yAxis = obj("axisPlacement", "left", "reverse", false);
                if (p.unit() != null) {
                    yAxis.put("unit", p.unit());
                }
                o.put("yAxis", yAxis);
                yield o;
            }
            case TEXT -> Json.object();
        };
    }

    // ---- links and positions -----------------------------------------------------------------------

    private Map<String, Object> dashboardLink(ResolvedLink link) {
        // includeVars and keepTime add the variables and time range themselves
        String url = link.url();
        int q = url.indexOf("?${__url_time_range}");
        boolean toDashboard = link.decl().kind() == LinkDecl.Kind.DASHBOARD;
        return link(link, q >= 0 ? url.substring(0, q) : url, toDashboard);
    }

    // a panel's links have the dashboard link's shape in the schema; the URL carries time range and variables
    private Map<String, Object> panelLink(ResolvedLink link) {
        return link(link, link.url(), false);
    }

    private Map<String, Object> link(ResolvedLink link, String url, boolean carryState) {
        Map<String, Object> l = Json.object();
        l.put("asDropdown", false);
        l.put("icon", link.decl().kind() == LinkDecl.Kind.DASHBOARD ? "dashboard" : "doc");
        l.put("includeVars", carryState);
        l.put("keepTime", carryState);
        l.put("tags", List.of());
        l.put("targetBlank", link.decl().kind() != LinkDecl.Kind.DASHBOARD);
        l.put("title", link.title());
        l.put("tooltip", "");
        l.put("type", "link");
        l.put("url", url);
        return l;
    }

    private static Map<String, Object> gridPos(GridPos g) {
        return obj("h", g.h(), "w", g.w(), "x", g.x(), "y", g.y());
    }

    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = Json.object();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

}
