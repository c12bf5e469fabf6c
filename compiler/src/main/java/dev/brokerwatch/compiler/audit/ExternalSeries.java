package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.cli.EmbeddedPack;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The series other exporters scrape next to the brokers (kafka_exporter, kubelet, ...), declared once in the
 * curated pack's {@code external-catalog.bw} and selected by their {@code source} with {@code --external}.
 * Prometheus's own {@code up} is always there; the JVM's series belong to the exporter model (they come from
 * the broker's own exporter).
 */
public final class ExternalSeries {
    /** Sources that are not a separate exporter a user could leave out. */
    static final Set<String> NOT_SELECTABLE = Set.of("prometheus", "jvm");
    static final String CATALOG = "external-catalog.bw";

    private final List<CatalogMetric> declared;

    private ExternalSeries(List<CatalogMetric> declared) {
        this.declared = List.copyOf(declared);
    }

    private static ExternalSeries embedded;

    /** The declarations embedded in this jar (compiled once). */
    public static synchronized ExternalSeries embedded() {
        if (embedded == null) {
            embedded = compileEmbedded();
        }
        return embedded;
    }

    private static ExternalSeries compileEmbedded() {
        CompileResult result = Frontend.run(List.of(CATALOG), EmbeddedPack.loader(), Map.of());
        if (result.pack() == null || result.hasErrors()) {
            throw new IllegalStateException("the embedded " + CATALOG + " does not compile: " + result.diagnostics());
        }
        return new ExternalSeries(result.pack().catalog().metrics().stream()
                .filter(m -> m.origin() == Origin.EXTERNAL).toList());
    }

    /** The sources {@code --external} can name, in name order. */
    public TreeSet<String> selectable() {
        TreeSet<String> sources = new TreeSet<>();
        declared.stream().map(CatalogMetric::source).filter(s -> s != null && !NOT_SELECTABLE.contains(s)).forEach(sources::add);
        return sources;
    }

    /** Series of one source (e.g. {@code jvm}). */
    public List<CatalogMetric> ofSource(String source) {
        return declared.stream().filter(m -> source.equals(m.source())).toList();
    }

    /**
     * {@code up} plus the series of the named sources; every selectable source when {@code names} is empty.
     */
    public List<CatalogMetric> select(List<String> names) throws ExporterSpecException {
        TreeSet<String> wanted = new TreeSet<>();
        for (String name : names) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            if (n.equals("none")) {
                continue;
            }
            if (!selectable().contains(n)) {
                throw new ExporterSpecException("--external " + n + ": no series of that source are declared in "
                        + CATALOG + " (declared: " + String.join(", ", selectable()) + "; none selects no external series)");
            }
            wanted.add(n);
        }
        if (names.isEmpty()) {
            wanted.addAll(selectable());
        }
        List<CatalogMetric> out = new ArrayList<>(ofSource("prometheus"));
        for (CatalogMetric m : declared) {
            if (wanted.contains(m.source())) {
                out.add(m);
            }
        }
        return out;
    }
}
