package dev.brokerwatch.dsl.delivery;

import dev.brokerwatch.dsl.ast.GroupDecl;
import java.util.List;

/** A rule group with its own {@code group_by}: a child route matching its alert names, grouping by those labels. */
public record GroupRoute(GroupDecl group, List<String> groupBy, List<String> alertNames) {
    public GroupRoute {
        groupBy = List.copyOf(groupBy);
        alertNames = List.copyOf(alertNames);
    }
}
