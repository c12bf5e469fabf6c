package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.compiler.audit.AuditGroup;
import dev.brokerwatch.compiler.audit.AuditResource;
import java.util.List;

/**
 * What becomes one {@code .bw} file: the rule groups of one rule file, of one {@code PrometheusRule}/{@code VMRule},
 * or of one rule file held in a ConfigMap; {@code name} is the file's name without {@code .bw}.
 */
record ImportUnit(String name, String origin, AuditResource resource, List<AuditGroup> groups) {
    ImportUnit {
        groups = List.copyOf(groups);
    }
}
