package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** {@code cgroup working_set}: a container memory value the agent reads from cgroup v1 or v2. */
public record CgroupSource(Span span, Ident field) implements Node {
}
