package dev.brokerwatch.dsl.ast;

import java.util.List;

/** The clauses shared by {@code metric} and {@code family}: help, unit, sources, labels and availability. */
public record MetricBody(StringLit help, Ident unit, List<JmxSource> jmx, CgroupSource cgroup, List<LabelSpec> labels,
                         StringLit conditional, StringLit since, StringLit until) {
    public MetricBody {
        jmx = List.copyOf(jmx);
        labels = List.copyOf(labels);
    }
}
