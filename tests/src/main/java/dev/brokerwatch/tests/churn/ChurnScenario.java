package dev.brokerwatch.tests.churn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.TopicExistsException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.PrometheusServer;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.Workload;

/**
 * Partition churn on a live combined Kafka node with brokerwatch's agent: base topics that stay, churn topics of
 * the same names created and deleted every cycle, {@link ConcurrentScrapers} scraping throughout and a real
 * Prometheus scraping every few seconds, a producer and consumer on a base topic so that counters move. The agent's
 * MBean index is compared with the broker's MBeans ({@code /about?index=check}) before and after, and the agent's
 * live heap ({@link AgentHeap}) is measured before the churn and after each cycle, with the scrapers paused so that
 * no scrape is in flight. Used by the churn IT at CI size and by {@code scripts/soak-churn.sh} at full size.
 */
public final class ChurnScenario {
    public static final String AGENT = "bw";
    static final String BASE_PREFIX = "base-";
    static final String CHURN_PREFIX = "churn-";
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final ChurnSettings settings;

    public ChurnScenario(String name, ChurnSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    public ChurnReport run() throws Exception {
        long started = System.nanoTime();
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder(name)
                .heap(settings.heap())
                .startupTimeout(WAIT)
                .teardownGrace(Duration.ofSeconds(60))
                .agent(AGENT, BrokerwatchAgentAttachment.embedded())
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
             Workload workload = cluster.workload()) {
            KafkaNode node = cluster.node(1);
            int port = node.agentPort(AGENT);
            long pid = node.pid().orElseThrow();
            Path logDir = cluster.dir();

            int topics = 0;
            for (int left = settings.partitions(); left > 0; left -= ChurnSettings.BASE_TOPIC_PARTITIONS) {
                workload.createTopic(String.format(Locale.ROOT, BASE_PREFIX + "%03d", topics++),
                        Math.min(ChurnSettings.BASE_TOPIC_PARTITIONS, left), 1);
            }
            log("created " + settings.partitions() + " partitions in " + topics + " base topics");
            awaitLogSeries(port, CHURN_PREFIX, 0);
            awaitLogSeries(port, BASE_PREFIX, settings.partitions());

            try (Workload.ContinuousLoad load = workload.startContinuous(BASE_PREFIX + "000", "churn-readers", 100,
                         100, Duration.ofHours(2));
                 PrometheusServer prometheus = PrometheusServer.builder(name)
                         .scrapeInterval(settings.prometheusInterval())
                         .evaluationInterval(settings.prometheusInterval())
                         .target("kafka", LoopbackPorts.address(port), Map.of("pod", "node-1"))
                         .start();
                 ConcurrentScrapers scrapers = ConcurrentScrapers.start(settings.scrapers(), port, BASE_PREFIX,
                         CHURN_PREFIX, settings.partitions())) {
                prometheus.awaitTargetsUp(Duration.ofSeconds(60));
                Instant churnStart = Instant.now();
                Thread.sleep(settings.prometheusInterval().toMillis());
                // after the load and the first scrapes: clients and request types register MBeans of their own
                ChurnReport.IndexState indexBefore = awaitIndexConsistent(port);
                List<Instant[]> heapMeasurements = new ArrayList<>();
                AgentHeap heapBefore = measureHeap(scrapers, pid, logDir, "before", heapMeasurements);
                log("agent heap before the churn: " + heapBefore);

                List<AgentHeap> afterCycle = new ArrayList<>();
                for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                    createChurnTopics(workload);
                    awaitLogSeries(port, CHURN_PREFIX, settings.churnPartitions());
                    // let Prometheus scrape the broker at its biggest at least once
                    Thread.sleep(settings.prometheusInterval().toMillis());
                    deleteChurnTopics(workload);
                    awaitLogSeries(port, CHURN_PREFIX, 0);
                    awaitIndexConsistent(port);
                    AgentHeap heap = measureHeap(scrapers, pid, logDir, "cycle-" + cycle, heapMeasurements);
                    afterCycle.add(heap);
                    log("cycle " + cycle + ": " + scrapers.answered() + " scrapes answered, " + scrapers.failed()
                            + " failed; agent heap " + heap);
                }
                Thread.sleep(settings.prometheusInterval().toMillis());
                scrapers.close();
                ChurnReport.IndexState indexAfter = awaitIndexConsistent(port);
                long window = Math.max(1, Duration.between(churnStart, Instant.now()).toSeconds());
                PrometheusScrapes promScrapes = PrometheusScrapes.of(prometheus, "kafka", window,
                        heapMeasurements, settings.prometheusInterval());
                if (load.errors() > 0) {
                    log("the base topic's producer or consumer met " + load.errors() + " errors: "
                            + load.lastError());
                }
                return new ChurnReport(settings, scrapers.answered(), scrapers.failed(), scrapers.incomplete(),
                        scrapers.unparseable(), scrapers.backwards(), scrapers.countersChecked(), scrapers.problems(),
                        promScrapes, indexBefore, indexAfter, heapBefore, afterCycle,
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
    }

    /**
     * The agent's live heap, with the scrapers paused. The heap histogram stops the broker's JVM for a full
     * collection and a walk of the heap; when that was is added to {@code measurements}.
     */
    private static AgentHeap measureHeap(ConcurrentScrapers scrapers, long pid, Path logDir, String label,
            List<Instant[]> measurements) throws InterruptedException {
        scrapers.pause();
        Instant start = Instant.now();
        try {
            return AgentHeap.measure(pid, logDir, label);
        } finally {
            measurements.add(new Instant[] {start, Instant.now()});
            scrapers.resume();
        }
    }

    private void createChurnTopics(Workload workload) throws InterruptedException {
        for (int i = 0; i < settings.churnTopics(); i++) {
            String topic = String.format(Locale.ROOT, CHURN_PREFIX + "%02d", i);
            // a topic of this name was deleted moments ago: its deletion may still be under way
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                try {
                    workload.createTopic(topic, settings.churnTopicSize(i), 1);
                    break;
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private void deleteChurnTopics(Workload workload) throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < settings.churnTopics(); i++) {
            names.add(String.format(Locale.ROOT, CHURN_PREFIX + "%02d", i));
        }
        try {
            workload.admin().deleteTopics(names).all().get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete " + names, e);
        }
    }

    /** Waits until a scrape shows exactly {@code expected} kafka_log_log_size series of topics named prefix*. */
    private static void awaitLogSeries(int port, String prefix, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = Scrape.metrics(port).samples("kafka_log_log_size").stream()
                    .filter(s -> s.labels().getOrDefault("topic", "").startsWith(prefix)).count();
            if (seen == expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("after " + WAIT + " the agent shows " + seen + " kafka_log_log_size series of "
                + prefix + "* topics, not " + expected);
    }

    /** Waits until the index equals the matching registered MBeans; returns the last check either way. */
    static ChurnReport.IndexState awaitIndexConsistent(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ChurnReport.IndexState state;
        do {
            state = indexCheck(port);
            if (state.consistent()) {
                return state;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return state;
    }

    static ChurnReport.IndexState indexCheck(int port) {
        URI uri = URI.create("http://" + LoopbackPorts.address(port) + "/about?index=check");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode index = JSON.readTree(response.body()).get("index");
            return new ChurnReport.IndexState(index.get("indexed").asInt(), index.get("registered").asInt(),
                    index.get("missing").asInt(), index.get("stale").asInt(),
                    "missing " + index.get("missing_names") + ", stale " + index.get("stale_names"));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }

    static void log(String message) {
        System.err.println("[churn " + Instant.now() + "] " + message);
    }
}
