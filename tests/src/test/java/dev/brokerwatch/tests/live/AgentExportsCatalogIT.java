package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.tests.catalog.PackCatalog;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.Workload;

/**
 * Catalog truth: on one combined Kafka 4.1.2 node (broker and controller) with brokerwatch's agent and its
 * embedded mapping, after a small workload, every JMX and cgroup metric of the curated catalog is in the scrape
 * with its declared type and exactly its declared label names, unless the catalog marks it {@code conditional};
 * each conditional metric is listed in {@link #CONDITIONAL} with the outcome expected on this node and why, and
 * that outcome is asserted too (present or absent). Nothing is skipped.
 *
 * <p>Also: the agent exports no family beyond the catalog, its own self-metrics and the client library's JVM
 * metrics, and every scrape error counter is zero.
 */
class AgentExportsCatalogIT {
    private static final String AGENT = "bw";
    private static final String TOPIC = "bw-catalog";
    private static final String GROUP = "bw-catalog-group";

    /** What a conditional catalog metric does on one combined node after the workload. */
    enum Outcome {
        PRESENT, ABSENT, CGROUP
    }

    record Expect(Outcome outcome, String why) {}

    private static final Map<String, Expect> CONDITIONAL = conditional();

    private static Map<String, Expect> conditional() {
        Map<String, Expect> m = new LinkedHashMap<>();
        m.put("kafka_server_fetcherlagmetrics_consumerlag", new Expect(Outcome.ABSENT,
                "FetcherLagMetrics exist only on followers; a single node follows no leader"));
        m.put("kafka_network_requestmetrics_requests_total", new Expect(Outcome.PRESENT,
                "RequestsPerSec,request=X,version=V is created by the first request; the workload sends many"));
        m.put("kafka_network_requestmetrics_errors_total", new Expect(Outcome.PRESENT,
                "ErrorsPerSec,request=X,error=E is created by the first response (error=NONE); the workload has them"));
        m.put("kafka_server_kafkaserver_brokerstate", new Expect(Outcome.PRESENT, "the node has the broker role"));
        for (String io : List.of("read", "write")) {
            m.put("kafka_server_kafkaserver_linux_disk_" + io + "_bytes", new Expect(Outcome.PRESENT,
                    "the node has the broker role and runs on Linux"));
        }
        for (String member : List.of("activecontrollercount", "offlinepartitionscount", "globaltopiccount",
                "globalpartitioncount", "activebrokercount", "fencedbrokercount", "preferredreplicaimbalancecount",
                "metadataerrorcount", "lastappliedrecordlagms", "lastappliedrecordoffset", "lastcommittedrecordoffset",
                "timedoutbrokerheartbeatcount", "eventqueueoperationstimedoutcount", "newactivecontrollerscount")) {
            m.put("kafka_controller_kafkacontroller_" + member, new Expect(Outcome.PRESENT,
                    "the node has the controller role"));
        }
        m.put("kafka_controller_controllerstats_uncleanleaderelections_total", new Expect(Outcome.PRESENT,
                "the node has the controller role"));
        m.put("kafka_controller_controllerstats_electionfromeligibleleaderreplicas_total", new Expect(Outcome.PRESENT,
                "the node has the controller role (and Kafka >= 4.0)"));
        m.put("kafka_controller_controllereventmanager_eventqueuetimems", new Expect(Outcome.PRESENT,
                "the node has the controller role"));
        m.put("kafka_controller_controllereventmanager_eventqueueprocessingtimems", new Expect(Outcome.PRESENT,
                "the node has the controller role"));
        for (String attribute : List.of("metadata_apply_error_count", "metadata_load_error_count",
                "last_applied_record_lag_ms")) {
            m.put("kafka_server_brokermetadatametrics_" + attribute, new Expect(Outcome.PRESENT,
                    "the node has the broker role"));
        }
        for (String field : List.of("usage_bytes", "limit_bytes", "rss_bytes", "inactive_file_bytes",
                "working_set_bytes", "oom_ratio", "oom_floor_ratio")) {
            m.put("kafka_memory_" + field, new Expect(Outcome.CGROUP,
                    "read from this machine's memory cgroup; the limit and the ratios need a memory limit"));
        }
        return m;
    }

    /** Families the agent adds besides the mapping: its self-metrics and the client library's JVM metrics. */
    private static final Predicate<String> NOT_FROM_THE_MAPPING = name -> name.startsWith("jvm_")
            || name.startsWith("process_") || name.startsWith("brokerwatch_");

    @Test
    @Timeout(300)
    void everyCatalogMetricIsExportedWithItsDeclaredTypeAndLabels() throws Exception {
        Catalog catalog = PackCatalog.curated();
        List<CatalogMetric> agentMetrics = PackCatalog.agentMetrics(catalog);
        assertThat(agentMetrics).as("agent metrics of the curated catalog").hasSizeGreaterThan(50);

        // every conditional metric of the catalog is accounted for here, and only those
        SortedSet<String> conditionalInCatalog = new TreeSet<>();
        agentMetrics.stream().filter(m -> m.conditional() != null).forEach(m -> conditionalInCatalog.add(m.name()));
        assertThat(new TreeSet<>(CONDITIONAL.keySet()))
                .as("the conditional metrics of the catalog, each with its expected outcome on one combined node")
                .isEqualTo(conditionalInCatalog);

        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("AgentExportsCatalogIT")
                .agent(AGENT, BrokerwatchAgentAttachment.embedded())
                .start()) {
            KafkaNode node = cluster.node(1);
            KafkaVersion version = cluster.version();
            try (Workload workload = cluster.workload()) {
                workload.createTopic(TOPIC, 3, 1);
                assertThat(workload.produce(TOPIC, 1_000, 100)).isEqualTo(1_000);
                assertThat(workload.consume(TOPIC, GROUP, 1_000, Duration.ofSeconds(60))).isEqualTo(1_000);
            }
            LiveCatalog.CgroupMemory cgroup = LiveCatalog.CgroupMemory.of(node.pid().orElseThrow());

            // lazily created beans (per-topic meters, request/error meters) appear within a few seconds
            List<String> problems = List.of();
            Scrape.MetricFamilies scrape = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                if (scrape != null) {
                    Thread.sleep(1_000);
                }
                scrape = Scrape.metrics(node.agentPort(AGENT));
                problems = problems(agentMetrics, scrape, version, cgroup);
            } while (!problems.isEmpty() && System.nanoTime() < deadline);
            Files.writeString(cluster.dir().resolve("agent-scrape.txt"), Scrape.fetch(node.agentPort(AGENT)));

            assertThat(problems).as("catalog vs. live scrape of Kafka %s (%s); scrape saved in %s", version,
                    cgroup.explanation(), cluster.dir().resolve("agent-scrape.txt")).isEmpty();

            // nothing beyond the catalog, the self-metrics and the JVM metrics
            Scrape.MetricFamilies last = scrape;
            Set<String> catalogFamilies = new TreeSet<>();
            agentMetrics.forEach(m -> PackCatalog.family(last, m).ifPresent(f -> catalogFamilies.add(f.name())));
            assertThat(last.names().stream().filter(NOT_FROM_THE_MAPPING.negate())
                    .filter(n -> !catalogFamilies.contains(n)).toList())
                    .as("families outside the catalog").isEmpty();

            // a healthy broker costs no sample: every scrape error counter is 0 (errors of one scrape may show in
            // the next, so this reads a later scrape)
            Scrape.MetricFamilies later = Scrape.metrics(node.agentPort(AGENT));
            assertThat(later.samples("brokerwatch_scrape_errors_total").stream().filter(s -> s.value() != 0).toList())
                    .as("brokerwatch_scrape_errors_total on a healthy broker").isEmpty();
            assertThat(later.family("brokerwatch_scrape_duration_seconds"))
                    .as("the duration of the previous JMX scrape").isPresent();
        }
    }

    /** Every difference between the catalog and one scrape, one line each. */
    private static List<String> problems(List<CatalogMetric> metrics, Scrape.MetricFamilies scrape,
            KafkaVersion version, LiveCatalog.CgroupMemory cgroup) {
        List<String> problems = new ArrayList<>();
        for (CatalogMetric metric : metrics) {
            boolean expected;
            String why;
            if (!LiveCatalog.inVersionRange(metric, version)) {
                expected = false;
                why = "outside since/until for Kafka " + version;
            } else if (metric.conditional() == null) {
                expected = true;
                why = "not conditional";
            } else {
                Expect e = CONDITIONAL.get(metric.name());
                why = e.why() + " (catalog: " + metric.conditional() + ")";
                expected = switch (e.outcome()) {
                    case PRESENT -> true;
                    case ABSENT -> false;
                    case CGROUP -> {
                        why = why + "; here: " + cgroup.explanation();
                        yield metric.origin() == Origin.CGROUP && cgroup.exports(metric.cgroupField());
                    }
                };
            }
            Optional<Scrape.MetricFamily> family = PackCatalog.family(scrape, metric);
            if (!expected) {
                if (family.isPresent()) {
                    List<Scrape.Sample> samples = family.get().samples();
                    problems.add(metric.name() + ": expected absent (" + why + ") but exported: "
                            + samples.subList(0, Math.min(3, samples.size())));
                }
                continue;
            }
            if (family.isEmpty() || family.get().samples().isEmpty()) {
                problems.add(metric.name() + ": missing from the scrape (" + why + ")");
                continue;
            }
            problems.addAll(shapeProblems(metric, family.get()));
        }
        return problems;
    }

    /** Type and label names of a present family against the catalog declaration. */
    static List<String> shapeProblems(CatalogMetric metric, Scrape.MetricFamily family) {
        List<String> problems = new ArrayList<>();
        String expectedType = LiveCatalog.expositionType(metric.type());
        if (!family.type().equals(expectedType)) {
            problems.add(metric.name() + ": type " + family.type() + ", catalog says " + expectedType);
        }
        SortedSet<String> labels = family.labelNames();
        if (metric.type() == MetricType.SUMMARY) {
            boolean quantiles = family.samples().stream()
                    .anyMatch(s -> s.name().equals(metric.name()) && s.labels().containsKey("quantile"));
            boolean count = family.samples().stream().anyMatch(s -> s.name().equals(metric.name() + "_count"));
            if (!quantiles || !count) {
                problems.add(metric.name() + ": a summary needs quantile series and _count; quantiles=" + quantiles
                        + " count=" + count);
            }
            labels = new TreeSet<>(labels);
            labels.remove("quantile");
        }
        if (!labels.equals(metric.labels())) {
            problems.add(metric.name() + ": label names " + labels + ", catalog says " + metric.labels());
        }
        return problems;
    }
}
