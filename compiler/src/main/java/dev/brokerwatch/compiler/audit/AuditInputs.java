package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Everything read from the audited files: rule groups, dashboard queries, exporter configurations, and read problems. */
public final class AuditInputs {
    final List<AuditGroup> groups = new ArrayList<>();
    final List<DashboardQuery> queries = new ArrayList<>();
    final List<ExporterConfigSource> exporterConfigs = new ArrayList<>();
    final List<Diagnostic> problems = new ArrayList<>();
    /** Files that held nothing to audit, for a note. */
    final List<String> ignored = new ArrayList<>();

    public List<AuditGroup> groups() {
        return groups;
    }

    public List<DashboardQuery> queries() {
        return queries;
    }

    public List<ExporterConfigSource> exporterConfigs() {
        return exporterConfigs;
    }

    public List<Diagnostic> problems() {
        return problems;
    }

    public List<String> ignored() {
        return ignored;
    }
}
