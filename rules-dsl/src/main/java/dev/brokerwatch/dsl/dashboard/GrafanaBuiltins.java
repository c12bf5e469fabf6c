package dev.brokerwatch.dsl.dashboard;

import java.util.Set;

/** The variables Grafana itself defines on every dashboard; a query may use them without declaring them. */
public final class GrafanaBuiltins {
    /** Built-ins that stand for a duration, so they may be a range: {@code rate(x[$__rate_interval])}. */
    public static final Set<String> DURATIONS = Set.of("__interval", "__rate_interval", "__range");

    public static final Set<String> ALL = Set.of("__interval", "__interval_ms", "__rate_interval", "__rate_interval_ms",
            "__range", "__range_s", "__range_ms", "__from", "__to", "__dashboard", "__name", "__org", "__user",
            "__url_time_range", "__all_variables", "__timezone", "__field", "__series", "__value", "__data",
            "__cell", "__url", "timeFilter");

    private GrafanaBuiltins() {
    }

    public static boolean isBuiltin(String name) {
        return ALL.contains(name);
    }
}
