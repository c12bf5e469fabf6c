package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an audit checks against: the exporter's series, the selected external series, and the target labels. */
public final class AuditCatalog {
    private AuditCatalog() {
    }

    /**
     * The exporter model's catalog for {@code target} plus {@code externals} (the exporter's own declaration wins
     * on a shared name); {@code targetLabels} replace the model's when not empty.
     */
    public static Catalog assemble(ExporterModel model, AuditTarget target, List<CatalogMetric> externals, List<String> targetLabels) {
        Catalog produced = model.catalog(target);
        Map<String, CatalogMetric> metrics = new LinkedHashMap<>();
        externals.forEach(m -> metrics.put(m.name(), m));
        produced.metrics().forEach(m -> metrics.put(m.name(), m));
        List<String> labels = targetLabels.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return Catalog.of(metrics.values(), labels.isEmpty() ? produced.targetLabels() : labels);
    }
}
