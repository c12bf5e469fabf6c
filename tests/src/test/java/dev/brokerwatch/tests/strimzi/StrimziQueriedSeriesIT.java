package dev.brokerwatch.tests.strimzi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.StockJmxExporter;
import dev.brokerwatch.harness.Workload;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Strimzi's dashboards and alerts work unchanged on brokerwatch's agent: on live Kafka 4.1 clusters, one combined
 * node and separate roles (one controller, two brokers), every broker-side series Strimzi queries is exported by
 * the nodes that should have it, with a sample that carries every label its queries use. Also on the combined
 * node: every summary has a {@code _sum} beside its {@code _count}, and the sum is Kafka's Mean x Count.
 */
class StrimziQueriedSeriesIT {
    private static final String AGENT = "bw";
    private static final String STOCK = "stock";
    private static final String TOPIC = "bw-strimzi";
    private static final String GROUP = "bw-strimzi-group";

    /**
     * Series whose labelled samples need an event a healthy workload does not cause: the per-topic failure
     * meters are created by the topic's first failed request. Their family (broker total, topic="") is still
     * required.
     */
    private static final Map<String, String> LABELS_NEED_AN_EVENT = Map.of(
            "kafka_server_brokertopicmetrics_failedproducerequests_total", "created by the topic's first failed produce",
            "kafka_server_brokertopicmetrics_failedfetchrequests_total", "created by the topic's first failed fetch");

    /** The stock exporter reads Mean and Count of one histogram, to check the agent's _sum against. */
    private static final String MEAN_AND_COUNT = """
            includeObjectNames:
              - "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce"
            rules:
              - pattern: ".*"
            """;

    private final StrimziQueriedSeries strimzi = StrimziQueriedSeries.load();

    @Test
    @Timeout(300)
    void aCombinedNodeExportsEveryQueriedSeriesWithItsLabels() throws Exception {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("StrimziQueriedSeriesIT-combined")
                .agent(AGENT, BrokerwatchAgentAttachment.embedded())
                .agent(STOCK, StockJmxExporter.attachment(MEAN_AND_COUNT, "mean-and-count.yaml"))
                .start()) {
            workload(cluster, 3, 1);
            assertEveryNodeExportsItsSeries(cluster);

            KafkaNode node = cluster.node(1);
            Scrape.MetricFamilies agent = Scrape.metrics(node.agentPort(AGENT));
            assertThat(summariesWithoutSum(agent)).as("summaries whose _count has no _sum with the same labels").isEmpty();
            assertSumIsMeanTimesCount(node);
        }
    }

    @Test
    @Timeout(300)
    void separateControllerAndBrokerNodesExportEveryQueriedSeriesWithItsLabels() throws Exception {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("StrimziQueriedSeriesIT-separate")
                .separateRoles(1, 2)
                .agent(AGENT, BrokerwatchAgentAttachment.embedded())
                .start()) {
            workload(cluster, 4, 2);
            assertEveryNodeExportsItsSeries(cluster);
        }
    }

    /** Per-topic and per-partition series need a topic with traffic; every broker leads some partitions. */
    private static void workload(LocalJvmKafkaCluster cluster, int partitions, int replicas) throws Exception {
        try (Workload workload = cluster.workload()) {
            workload.createTopic(TOPIC, partitions, replicas);
            assertThat(workload.produce(TOPIC, 1_000, 100)).isEqualTo(1_000);
            assertThat(workload.consume(TOPIC, GROUP, 1_000, Duration.ofSeconds(60))).isEqualTo(1_000);
        }
    }

    private void assertEveryNodeExportsItsSeries(LocalJvmKafkaCluster cluster) throws Exception {
        List<String> problems = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            if (!problems.isEmpty()) {
                Thread.sleep(1_000); // lazily created beans (per-topic meters) appear within seconds
            }
            problems = new ArrayList<>();
            Map<KafkaNode, String> states = new LinkedHashMap<>();
            for (KafkaNode node : cluster.nodes()) {
                Scrape.MetricFamilies scrape = Scrape.metrics(node.agentPort(AGENT));
                problems.addAll(problems(node, scrape));
                problems.addAll(quorumStateProblems(node, scrape, states));
            }
            long leaders = states.values().stream().filter("leader"::equals).count();
            if (leaders != 1) {
                problems.add("current_state: " + leaders + " quorum leaders, not one: " + states);
            }
        } while (!problems.isEmpty() && System.nanoTime() < deadline);
        for (KafkaNode node : cluster.nodes()) {
            Files.writeString(cluster.dir().resolve(node.name() + "-agent-scrape.txt"), Scrape.fetch(node.agentPort(AGENT)));
        }
        assertThat(problems).as("Strimzi's queried series on %s (scrapes saved in %s)", cluster.nodes(), cluster.dir())
                .isEmpty();
    }

    private List<String> problems(KafkaNode node, Scrape.MetricFamilies scrape) {
        List<String> problems = new ArrayList<>();
        for (StrimziQueriedSeries.Entry entry : strimzi.exported()) {
            boolean expected = switch (entry.nodes()) {
                case EVERY -> true;
                case BROKER -> node.isBroker();
                case CONTROLLER -> node.isController();
                case EXTERNAL -> false;
            };
            if (!expected) {
                continue; // a controller-only node also has broker-wide meters and the metadata log: harmless
            }
            List<Scrape.Sample> samples = scrape.samples(entry.series());
            if (samples.isEmpty()) {
                problems.add(node.name() + " " + node.roles() + ": " + entry.series() + " is missing");
                continue;
            }
            if (LABELS_NEED_AN_EVENT.containsKey(entry.series())) {
                continue;
            }
            boolean labelled = samples.stream().anyMatch(s -> entry.labels().stream()
                    .allMatch(l -> !s.labels().getOrDefault(l, "").isEmpty()));
            if (!labelled) {
                problems.add(node.name() + ": no sample of " + entry.series() + " carries " + entry.labels() + ": "
                        + samples.subList(0, Math.min(3, samples.size())));
            }
        }
        return problems;
    }

    /**
     * raft-metrics current-state, a String attribute, as Strimzi's KRaft dashboard reads it: one sample of value
     * 1 per node whose current_state label is the node's state; only a controller can lead the quorum.
     */
    private static List<String> quorumStateProblems(KafkaNode node, Scrape.MetricFamilies scrape,
                                                    Map<KafkaNode, String> states) {
        List<Scrape.Sample> samples = scrape.samples("kafka_server_raftmetrics_current_state");
        if (samples.size() != 1) {
            return List.of(node.name() + ": " + samples.size() + " current_state samples, not one: " + samples);
        }
        Scrape.Sample sample = samples.get(0);
        String state = sample.labels().getOrDefault("current_state", "");
        states.put(node, state);
        List<String> problems = new ArrayList<>();
        if (sample.value() != 1.0 || state.isEmpty()) {
            problems.add(node.name() + ": current_state should be a non-empty label on a sample of 1: " + sample);
        }
        if (state.equals("leader") && !node.isController()) {
            problems.add(node.name() + " " + node.roles() + " leads the metadata quorum without the controller role");
        }
        return problems;
    }

    /** Every {@code x_count} sample of a summary family has an {@code x_sum} sample with the same labels. */
    private static List<String> summariesWithoutSum(Scrape.MetricFamilies scrape) {
        List<String> missing = new ArrayList<>();
        for (Scrape.MetricFamily family : scrape.asMap().values()) {
            if (!family.type().equals("summary")) {
                continue;
            }
            for (Scrape.Sample count : family.samples()) {
                if (count.name().equals(family.name() + "_count")
                        && scrape.samples(family.name() + "_sum", count.labels()).isEmpty()) {
                    missing.add(family.name() + count.labels());
                }
            }
        }
        return missing;
    }

    /**
     * The agent's {@code _sum} of Produce's TotalTimeMs divided by its {@code _count} is the Mean the stock
     * exporter reads from the same MBean. No produce request arrives after the workload, so both see one state;
     * a scrape pair that straddles a change (both counts differ) is read again.
     */
    private static void assertSumIsMeanTimesCount(KafkaNode node) throws Exception {
        Map<String, String> produce = Map.of("request", "Produce");
        Map<String, String> stockProduce = Map.of("name", "TotalTimeMs", "request", "Produce");
        for (int attempt = 1; ; attempt++) {
            Scrape.MetricFamilies agent = Scrape.metrics(node.agentPort(AGENT));
            Scrape.MetricFamilies stock = Scrape.metrics(node.agentPort(STOCK));
            OptionalDouble count = agent.value("kafka_network_requestmetrics_totaltimems_count", produce);
            OptionalDouble sum = agent.value("kafka_network_requestmetrics_totaltimems_sum", produce);
            OptionalDouble stockCount = stock.value("kafka_network_RequestMetrics_Count", stockProduce);
            OptionalDouble stockMean = stock.value("kafka_network_RequestMetrics_Mean", stockProduce);
            assertThat(List.of(count, sum, stockCount, stockMean)).as("Produce TotalTimeMs in both scrapes")
                    .allMatch(OptionalDouble::isPresent);
            if (count.getAsDouble() != stockCount.getAsDouble() && attempt < 5) {
                Thread.sleep(500);
                continue;
            }
            assertThat(count.getAsDouble()).as("the agent's _count and the MBean's Count").isEqualTo(stockCount.getAsDouble())
                    .isGreaterThan(0);
            assertThat(sum.getAsDouble() / count.getAsDouble()).as("_sum / _count against the MBean's Mean")
                    .isCloseTo(stockMean.getAsDouble(), org.assertj.core.data.Percentage.withPercentage(1e-9));
            return;
        }
    }
}
