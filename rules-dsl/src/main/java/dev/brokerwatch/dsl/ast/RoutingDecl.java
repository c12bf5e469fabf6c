package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code routing { group_by (alertname, namespace) page critical }}: how the pack's alerts are grouped into
 * notifications and which severities go to the paging receiver. Absent parts are null.
 */
public record RoutingDecl(Span span, List<LabelRef> groupBy, List<Ident> page) implements Statement {
    public RoutingDecl {
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        page = page == null ? null : List.copyOf(page);
    }
}
