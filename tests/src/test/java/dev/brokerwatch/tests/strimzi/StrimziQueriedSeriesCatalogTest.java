package dev.brokerwatch.tests.strimzi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.Series;
import dev.brokerwatch.tests.catalog.PackCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Strimzi's dashboards and alerts work unchanged on the curated catalog: every broker-side series they query is a
 * typed series of the catalog that carries the labels the queries use.
 */
class StrimziQueriedSeriesCatalogTest {
    private final StrimziQueriedSeries strimzi = StrimziQueriedSeries.load();
    private final Catalog catalog = PackCatalog.curated();

    @Test
    void theListCoversStrimzisKafkaAndKraftDashboardsAndItsKafkaRules() {
        assertThat(strimzi.entries()).as("series in %s", StrimziQueriedSeries.RESOURCE).hasSize(48);
        assertThat(strimzi.brokerSide()).as("series the brokers' exporter produces").hasSize(42);
        assertThat(strimzi.entries().stream().flatMap(e -> e.usedBy().stream()).distinct().sorted())
                .as("where the series are queried").containsExactly("kafka", "kraft", "rules");
    }

    @Test
    void everyExportedSeriesIsATypedCatalogSeriesWithTheLabelsItsQueriesUse() {
        List<String> problems = new ArrayList<>();
        for (StrimziQueriedSeries.Entry entry : strimzi.exported()) {
            Optional<Series> series = catalog.series(entry.series());
            if (series.isEmpty()) {
                problems.add(entry.series() + " (line " + entry.line() + "): not in the curated catalog"
                        + catalog.suggest(entry.series()).map(s -> "; did you mean " + s + "?").orElse(""));
                continue;
            }
            if (series.get().type() == MetricType.UNTYPED) {
                problems.add(entry.series() + ": untyped in the catalog; give it its real type");
            }
            if (!series.get().labels().containsAll(entry.labels())) {
                problems.add(entry.series() + ": Strimzi's queries use labels " + entry.labels()
                        + ", the catalog series has " + series.get().labels());
            }
        }
        assertThat(problems).as("Strimzi's queried series against the curated catalog").isEmpty();
    }

    @Test
    void seriesNotYetExportedAreStillMissingFromTheCatalog() {
        for (String series : StrimziQueriedSeries.NOT_YET_EXPORTED.keySet()) {
            assertThat(strimzi.brokerSide()).as("a not-yet-exported series is one Strimzi queries")
                    .anyMatch(e -> e.series().equals(series));
            assertThat(catalog.series(series))
                    .as("%s is in the catalog now: remove it from NOT_YET_EXPORTED so the live test checks it", series)
                    .isEmpty();
        }
    }

    @Test
    void theTargetLabelsAreTheOnesPrometheusOperatorAndStrimzisPodMonitorAttach() {
        assertThat(strimzi.targetLabels()).as("labels attached by the scrape, not by the exporter")
                .contains("namespace", "pod", "kubernetes_pod_name", "strimzi_io_cluster", "strimzi_io_name");
        assertThat(strimzi.entries()).as("no series lists a target label as an exporter label")
                .allSatisfy(e -> assertThat(e.labels()).doesNotContainAnyElementsOf(strimzi.targetLabels()));
    }
}
