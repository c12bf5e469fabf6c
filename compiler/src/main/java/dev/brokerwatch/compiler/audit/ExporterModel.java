package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.List;

/** An exporter as the audit sees it: the families it produces for a target, and what is wrong with its configuration. */
public interface ExporterModel {
    String name();

    Catalog catalog(AuditTarget t);

    List<Diagnostic> configFindings(AuditTarget t);
}
