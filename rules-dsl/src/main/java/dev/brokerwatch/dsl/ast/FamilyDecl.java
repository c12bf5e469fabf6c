package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code family prefix type jmx "...name={member}..." member A member B}: metrics that share one ObjectName
 * pattern. Each member is named {@code prefix_<lower-cased mbean name>} (a counter drops a trailing
 * {@code PerSec} and gains {@code _total}), so every name is known at compile time.
 */
public record FamilyDecl(Span span, Ident prefix, MetricType type, MetricBody body, List<FamilyMember> members)
        implements Statement {
    public FamilyDecl {
        members = List.copyOf(members);
    }
}
