package dev.brokerwatch.dsl.delivery;

import dev.brokerwatch.dsl.ast.RoutingDecl;
import java.util.List;
import java.util.Map;

/**
 * The routing intent of a pack: the labels notifications are grouped by, the severities that go to the
 * {@link #PAGE_RECEIVER}, and the rule groups with their own grouping. Everything else goes to the
 * {@link #DEFAULT_RECEIVER}. {@code declaration} is null when the pack has no {@code routing} block.
 * {@code timing} holds the route's {@code group_wait}, {@code group_interval} and {@code repeat_interval} the pack
 * declares, in Prometheus duration syntax; one it leaves out is Alertmanager's default.
 */
public record Routing(RoutingDecl declaration, List<String> groupBy, List<String> page, List<GroupRoute> groups,
                      Map<String, String> timing) {
    public static final String PAGE_RECEIVER = "page";
    public static final String DEFAULT_RECEIVER = "ticket";
    public static final List<String> RECEIVERS = List.of(PAGE_RECEIVER, DEFAULT_RECEIVER);
    /** Without a routing block: one notification group per alert name, and critical alerts page. */
    public static final List<String> DEFAULT_GROUP_BY = List.of("alertname");
    public static final List<String> DEFAULT_PAGE = List.of("critical");

    public Routing {
        groupBy = List.copyOf(groupBy);
        page = List.copyOf(page);
        groups = List.copyOf(groups);
        timing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timing));
    }
}
