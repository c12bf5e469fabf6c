package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.JmxBinding;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.tests.catalog.PackCatalog;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.StockJmxExporter;
import dev.brokerwatch.harness.Workload;

/**
 * Parity: brokerwatch's agent (embedded mapping) and the stock jmx_prometheus_javaagent 1.0.1 with the config
 * the compiler generates ({@code alerts/out/jmx-exporter/kafka-jmx-exporter.yaml}) run in the same broker JVM
 * (two {@code -javaagent} flags, two ports) and export, for the catalog's JMX metrics, the same family names,
 * types and label names, and in fact the same series (label sets).
 *
 * <p>The differences the emitter documents in the config's header are accounted for here, each with its reason:
 * <ul>
 *   <li>a summary (Kafka's Yammer histograms and timers): the stock exporter has no summary type, so
 *       {@code x{quantile}} is a gauge family and {@code x_count} an untyped family, same series and label names;
 *       and it has no {@code x_sum} (a rule exports one attribute, the sum is Mean x Count);
 *   <li>cgroup memory metrics: the stock exporter cannot read cgroup files, so they are absent there (and they are
 *       not JMX metrics, so outside the comparison).
 * </ul>
 * The test also checks that the header lists exactly those families, so a new exception cannot slip in silently.
 *
 * <p>One more difference is in the text, not in what Prometheus stores: where one of a metric's MBean sources lacks
 * a label (the broker-wide {@code BrokerTopicMetrics} beside the per-topic ones), brokerwatch's agent writes the
 * label with an empty value ({@code topic=""}, see docs/agent-mapping-format.md) while jmx_exporter drops labels
 * whose value is empty. Prometheus treats an empty label value as no label, so both are compared with empty-valued
 * labels removed, and the test checks that only such multi-source metrics have empty values on our side.
 */
class StockExporterParityIT {
    private static final String OURS = "bw";
    private static final String STOCK = "stock";
    private static final String TOPIC = "bw-parity";

    /** What one exporter shows of one catalog metric: family name, type and label names per series name. */
    record Shape(SortedMap<String, String> typeBySeries, SortedMap<String, SortedSet<String>> labelsBySeries) {
        @Override
        public String toString() {
            return "types " + typeBySeries + " labels " + labelsBySeries;
        }
    }

    @Test
    @Timeout(300)
    void theStockAgentWithTheGeneratedConfigExportsTheSameFamiliesTypesAndLabels() throws Exception {
        Catalog catalog = PackCatalog.curated();
        List<CatalogMetric> jmxMetrics = catalog.metrics().stream().filter(m -> m.origin() == Origin.JMX).toList();
        String config = Files.readString(PackCatalog.generatedJmxExporterConfig());

        // the documented exceptions are exactly the catalog's summaries and cgroup metrics
        SortedSet<String> documented = documentedExceptions(config);
        SortedSet<String> expectedExceptions = new TreeSet<>();
        catalog.metrics().stream().filter(m -> (m.origin() == Origin.JMX && m.type() == MetricType.SUMMARY)
                || m.origin() == Origin.CGROUP).forEach(m -> expectedExceptions.add(m.name()));
        assertThat(documented).as("families the generated config's header says cannot be identical")
                .isEqualTo(expectedExceptions);

        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("StockExporterParityIT")
                .agent(OURS, BrokerwatchAgentAttachment.embedded())
                .agent(STOCK, StockJmxExporter.attachment(config, "kafka-jmx-exporter.yaml"))
                .start()) {
            KafkaNode node = cluster.node(1);
            try (Workload workload = cluster.workload()) {
                workload.createTopic(TOPIC, 3, 1);
                workload.produce(TOPIC, 500, 100);
                assertThat(workload.consume(TOPIC, "bw-parity-group", 500, Duration.ofSeconds(60))).isEqualTo(500);
            }

            // lazily created beans may appear between the two scrapes: compare until stable (bounded)
            List<String> problems;
            String oursText;
            String stockText;
            int attempts = 0;
            do {
                if (attempts++ > 0) {
                    Thread.sleep(1_000);
                }
                oursText = Scrape.fetch(node.agentPort(OURS));
                stockText = Scrape.fetch(node.agentPort(STOCK));
                problems = compare(jmxMetrics, Scrape.parse(oursText), Scrape.parse(stockText));
            } while (!problems.isEmpty() && attempts < 10);
            Files.writeString(cluster.dir().resolve("ours.txt"), oursText);
            Files.writeString(cluster.dir().resolve("stock.txt"), stockText);

            assertThat(problems).as("brokerwatch agent vs. stock agent 1.0.1 with the generated config; scrapes in %s",
                    cluster.dir()).isEmpty();

            Scrape.MetricFamilies ours = Scrape.parse(oursText);
            Scrape.MetricFamilies stock = Scrape.parse(stockText);
            SortedSet<String> partial = withPartialSources(jmxMetrics);
            assertThat(partial).as("metrics with a source lacking one of their labels")
                    .contains("kafka_server_brokertopicmetrics_bytesin_total");
            assertThat(withEmptyLabelValues(jmxMetrics, ours))
                    .as("brokerwatch writes empty label values only where a source lacks the label")
                    .isNotEmpty().isSubsetOf(partial);
            assertThat(stock.asMap().values().stream().flatMap(f -> f.samples().stream())
                    .filter(s -> s.labels().containsValue("")).toList())
                    .as("jmx_exporter drops empty label values").isEmpty();
            assertThat(jmxMetrics.stream().filter(m -> PackCatalog.family(ours, m).isPresent()).count())
                    .as("catalog JMX families present on this node").isGreaterThan(80);

            // the stock agent exports nothing beyond the catalog and its own jvm/process/jmx families
            Set<String> known = new TreeSet<>();
            for (CatalogMetric m : jmxMetrics) {
                known.add(m.name());
                known.add(m.name() + "_count");
                PackCatalog.family(stock, m).ifPresent(f -> known.add(f.name()));
            }
            assertThat(stock.names().stream().filter(n -> !known.contains(n))
                    .filter(n -> !(n.startsWith("jvm_") || n.startsWith("process_") || n.startsWith("jmx_")))
                    .toList()).as("stock families outside the catalog").isEmpty();
            assertThat(stock.names().stream().filter(n -> n.startsWith("kafka_memory_")).toList())
                    .as("cgroup families: the stock exporter cannot read them").isEmpty();
        }
    }

    private static SortedSet<String> documentedExceptions(String config) {
        SortedSet<String> names = new TreeSet<>();
        boolean inList = false;
        Matcher item = Pattern.compile("^# - ([a-z0-9_]+): ").matcher("");
        for (String line : config.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            if (line.startsWith("# Families that cannot come out identical")) {
                inList = true;
            } else if (inList && item.reset(line).find()) {
                names.add(item.group(1));
            }
        }
        return names;
    }

    /** Every difference between the two exporters on the catalog's JMX metrics, one line each. */
    static List<String> compare(List<CatalogMetric> metrics, Scrape.MetricFamilies ours, Scrape.MetricFamilies stock) {
        List<String> problems = new ArrayList<>();
        for (CatalogMetric metric : metrics) {
            Optional<Scrape.MetricFamily> o = PackCatalog.family(ours, metric);
            Shape oursShape = o.map(f -> shape(List.of(f))).orElse(null);
            Shape stockShape;
            if (metric.type() == MetricType.SUMMARY) {
                // documented: the stock exporter has no summary; quantiles are a gauge, _count is untyped
                List<Scrape.MetricFamily> parts = new ArrayList<>();
                stock.family(metric.name()).ifPresent(parts::add);
                stock.family(metric.name() + "_count").ifPresent(parts::add);
                stockShape = parts.isEmpty() ? null : shape(parts);
                if (oursShape != null) {
                    oursShape = asStockSummary(oursShape, metric.name());
                }
            } else {
                stockShape = PackCatalog.family(stock, metric).map(f -> shape(List.of(f))).orElse(null);
            }
            if (oursShape == null && stockShape == null) {
                continue; // absent from both (conditional metrics that this node lacks)
            }
            if (oursShape == null || stockShape == null) {
                problems.add(metric.name() + ": only the " + (oursShape == null ? "stock" : "brokerwatch")
                        + " agent exports it: " + (oursShape == null ? stockShape : oursShape));
                continue;
            }
            if (!oursShape.equals(stockShape)) {
                problems.add(metric.name() + ": brokerwatch " + oursShape + " vs. stock " + stockShape);
                continue;
            }
            SortedSet<String> oursSeries = series(ours, metric);
            SortedSet<String> stockSeries = series(stock, metric);
            if (!oursSeries.equals(stockSeries)) {
                SortedSet<String> onlyOurs = new TreeSet<>(oursSeries);
                onlyOurs.removeAll(stockSeries);
                SortedSet<String> onlyStock = new TreeSet<>(stockSeries);
                onlyStock.removeAll(oursSeries);
                problems.add(metric.name() + ": different series; only brokerwatch " + first(onlyOurs)
                        + ", only stock " + first(onlyStock));
            }
        }
        return problems;
    }

    private static Shape shape(List<Scrape.MetricFamily> families) {
        SortedMap<String, String> types = new TreeMap<>();
        SortedMap<String, SortedSet<String>> labels = new TreeMap<>();
        for (Scrape.MetricFamily f : families) {
            for (Scrape.Sample s : f.samples()) {
                types.put(s.name(), f.type());
                labels.computeIfAbsent(s.name(), k -> new TreeSet<>()).addAll(nonEmpty(s.labels()).keySet());
            }
        }
        return new Shape(types, labels);
    }

    /** Our summary as the stock exporter must show it: quantile series typed gauge, _count untyped, no _sum. */
    private static Shape asStockSummary(Shape ours, String name) {
        SortedMap<String, String> types = new TreeMap<>();
        SortedMap<String, SortedSet<String>> labels = new TreeMap<>(ours.labelsBySeries());
        labels.remove(name + "_sum");
        ours.typeBySeries().forEach((series, type) -> {
            if (!series.equals(name + "_sum")) {
                types.put(series, series.equals(name) ? "gauge" : "untyped");
            }
        });
        return new Shape(types, labels);
    }

    /** Every sample of the metric as {@code name{labels}}, without values. */
    private static SortedSet<String> series(Scrape.MetricFamilies scrape, CatalogMetric metric) {
        SortedSet<String> out = new TreeSet<>();
        for (String name : metric.type() == MetricType.SUMMARY ? List.of(metric.name(), metric.name() + "_count")
                : List.of(metric.name())) {
            scrape.samples(name).forEach(s -> out.add(s.name() + nonEmpty(s.labels())));
        }
        return out;
    }

    /** The labels Prometheus stores: an empty value is the same as no label. */
    private static SortedMap<String, String> nonEmpty(Map<String, String> labels) {
        SortedMap<String, String> out = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Catalog metrics with a JMX source that lacks one of the metric's labels (written empty by our agent). */
    static SortedSet<String> withPartialSources(List<CatalogMetric> metrics) {
        SortedSet<String> out = new TreeSet<>();
        for (CatalogMetric m : metrics) {
            for (JmxBinding b : m.jmx()) {
                Set<String> bound = new TreeSet<>();
                b.labels().forEach(l -> bound.add(l.label()));
                if (!bound.containsAll(m.labels())) {
                    out.add(m.name());
                }
            }
        }
        return out;
    }

    /** Metrics with at least one sample carrying an empty label value. */
    static SortedSet<String> withEmptyLabelValues(List<CatalogMetric> metrics, Scrape.MetricFamilies scrape) {
        SortedSet<String> out = new TreeSet<>();
        for (CatalogMetric m : metrics) {
            PackCatalog.family(scrape, m).ifPresent(f -> {
                if (f.samples().stream().anyMatch(s -> s.labels().containsValue(""))) {
                    out.add(m.name());
                }
            });
        }
        return out;
    }

    private static String first(SortedSet<String> set) {
        return set.size() <= 5 ? set.toString() : set.stream().limit(5).toList() + " and " + (set.size() - 5) + " more";
    }
}
