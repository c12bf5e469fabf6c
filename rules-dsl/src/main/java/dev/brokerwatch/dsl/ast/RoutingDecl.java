package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code routing { group_by (alertname, namespace) page critical group_wait 30s }}: how the pack's alerts are
 * grouped into notifications, which severities go to the paging receiver, and Alertmanager's timing of a group
 * (how long a new group waits for more alerts, and between updates and repeats). Absent parts are null.
 */
public record RoutingDecl(Span span, List<LabelRef> groupBy, List<Ident> page, DurationRef groupWait,
                          DurationRef groupInterval, DurationRef repeatInterval) implements Statement {
    public RoutingDecl {
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        page = page == null ? null : List.copyOf(page);
    }
}
