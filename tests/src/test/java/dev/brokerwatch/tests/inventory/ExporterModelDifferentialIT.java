package dev.brokerwatch.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.AuditReader;
import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.compiler.audit.ExporterConfigSource;
import dev.brokerwatch.compiler.audit.exporter.JmxExporterModel;
import dev.brokerwatch.compiler.audit.reporter.StrimziAllowlist;
import dev.brokerwatch.compiler.audit.reporter.StrimziReporterModel;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.tests.bench.ProbeJar;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.tests.catalog.PackCatalog;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.StockJmxExporter;
import dev.brokerwatch.tests.peers.StrimziMetricsReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exporter models proven against the real exporters: live KRaft nodes of a recorded Kafka version, a combined
 * node and a controller-only plus a broker-only node, each running the stock jmx_prometheus_javaagent 1.0.1 with four
 * real-world configs at once (Strimzi's shipped {@code kafka-metrics.yaml}, seed 000's exporter config, the config
 * {@code compile} generates, a catch-all) and the Strimzi Metrics Reporter 0.2.0 (its default allowlist on the
 * combined node; the Strimzi operator's default allowlist on the others), get the recorder's traffic; then each
 * scrape's families, types and label names must equal what the model simulates over the shipped inventory of that
 * version and role. Runs on every version of {@link KafkaVersion#matrix()}.
 *
 * <p>The stock agent's registry is static, so the four copies run each in a class loader of its own
 * ({@link StockJmxExporter#isolated}); its code is unchanged. Differences that cannot be modelled are in
 * docs/audit.md ("How the models are proven"); none is excused here.
 */
class ExporterModelDifferentialIT {
    private static final String REPORTER = "strimzi-reporter";
    private static final int ATTEMPTS = 8;

    static List<KafkaVersion> versions() {
        return KafkaVersion.matrix();
    }

    /** The stock agent's configs, by agent name. */
    private static Map<String, String> stockConfigs() throws Exception {
        Path compilerResources = HarnessPaths.testsBaseDir().resolve("../compiler/src/test/resources").normalize();
        Path thirdParty = HarnessPaths.testsBaseDir().resolve("src/test/resources/third-party");
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("strimzi-kafka-metrics", configIn(thirdParty.resolve("strimzi/kafka-metrics.yaml")));
        configs.put("seed-000", configIn(compilerResources.resolve("audit/seed-000/kafka-metrics-configmap.yaml")));
        configs.put("generated", Files.readString(PackCatalog.generatedJmxExporterConfig()));
        configs.put("catch-all", StockJmxExporter.CATCH_ALL_CONFIG);
        return configs;
    }

    /** The one jmx_exporter config in a ConfigMap, found as the audit finds it. */
    private static String configIn(Path file) throws Exception {
        List<ExporterConfigSource> found = AuditReader.read(List.of(file.toString())).exporterConfigs();
        assertThat(found).as("exporter configs in %s", file).hasSize(1);
        return found.get(0).yaml().text();
    }

    @ParameterizedTest(name = "Kafka {0}")
    @MethodSource("versions")
    @Timeout(900)
    void simulatedFamiliesTypesAndLabelsEqualTheRealScrape(KafkaVersion version) throws Exception {
        Map<String, String> configs = stockConfigs();
        Path isolator = ProbeJar.build(HarnessPaths.targetDir().resolve("agent-isolator").resolve("isolator.jar"));
        KafkaDistribution distribution = StrimziMetricsReporter.distribution(version,
                HarnessPaths.targetDir().resolve("kafka-with-strimzi-reporter").resolve(version.toString()));
        String operatorDefault = String.join(",", StrimziAllowlist.OPERATOR_DEFAULT);

        // the combined node compared is the one that leads the metadata quorum, as in the recorded inventory, so
        // every node of three gets the TLS listener and the reporter
        int[] combinedReporters = LoopbackPorts.freePorts(3);
        LocalJvmKafkaCluster.Builder combined = RecordingWorkload.tlsOnNodes(builder("ExporterModelDifferentialIT-" + version
                + "-combined", version, distribution, configs, isolator).combinedNodes(3), 3);
        for (int id = 1; id <= 3; id++) {
            StrimziMetricsReporter.enable(combined, id, combinedReporters[id - 1], null);
        }

        int controllerReporter = LoopbackPorts.freePort();
        int brokerReporter = LoopbackPorts.freePort();
        LocalJvmKafkaCluster.Builder separate = builder("ExporterModelDifferentialIT-" + version + "-separate", version, distribution,
                configs, isolator).separateRoles(1, 2).tlsListener(2, RecordingWorkload.TLS_LISTENER, RecordingWorkload.TLS_KEY_BITS);
        StrimziMetricsReporter.enable(separate, 1, controllerReporter, operatorDefault);
        StrimziMetricsReporter.enable(separate, 2, brokerReporter, operatorDefault);

        List<String> problems = new ArrayList<>();
        // both clusters start and get traffic at once; whichever started is stopped by its pids, also on failure
        CompletableFuture<LocalJvmKafkaCluster> startingCombined = CompletableFuture.supplyAsync(combined::start);
        CompletableFuture<LocalJvmKafkaCluster> startingSeparate = CompletableFuture.supplyAsync(separate::start);
        try (LocalJvmKafkaCluster one = startingCombined.join(); LocalJvmKafkaCluster two = startingSeparate.join()) {
            int leader = one.quorumLeader(Duration.ofMinutes(1));
            CompletableFuture<AutoCloseable> trafficOfTwo = CompletableFuture.supplyAsync(() -> drive(two, 2));
            try (AutoCloseable tlsOfOne = drive(one, leader); AutoCloseable tlsOfTwo = trafficOfTwo.join()) {
                assertThat(one.quorumLeader(Duration.ofMinutes(1))).as("the node compared still leads the metadata quorum")
                        .isEqualTo(leader);
                problems.addAll(compare(one.node(leader), "combined", combinedReporters[leader - 1], null, configs));
                problems.addAll(compare(two.node(1), "controller", controllerReporter, operatorDefault, configs));
                problems.addAll(compare(two.node(2), "broker", brokerReporter, operatorDefault, configs));
                Files.write(one.dir().resolve("differences.txt"), problems);
            }
        } finally {
            for (CompletableFuture<LocalJvmKafkaCluster> starting : List.of(startingCombined, startingSeparate)) {
                starting.handle((cluster, failed) -> cluster).join(); // wait for a start still running, then:
                if (!starting.isCompletedExceptionally()) {
                    starting.join().close(); // closing twice is harmless: the harness stops each pid once
                }
            }
        }
        assertThat(problems).as("simulated vs. real families, types and label names on Kafka %s (scrapes in target/live/"
                + "ExporterModelDifferentialIT-%s-*/)", version, version).isEmpty();
    }

    private static LocalJvmKafkaCluster.Builder builder(String name, KafkaVersion version, KafkaDistribution distribution,
                                                        Map<String, String> configs, Path isolator) {
        LocalJvmKafkaCluster.Builder b = LocalJvmKafkaCluster.builder(name).version(version).distribution(distribution).heap("512m");
        configs.forEach((agent, yaml) -> b.agent(agent, StockJmxExporter.isolated(isolator, yaml, "jmx-exporter-" + agent + ".yaml")));
        return b;
    }

    /** The inventories' traffic on the node they were recorded from; the TLS connection stays open until closed. */
    private static AutoCloseable drive(LocalJvmKafkaCluster cluster, int recorded) {
        try {
            return RecordingWorkload.drive(cluster, recorded);
        } catch (Exception e) {
            throw new IllegalStateException("traffic on " + cluster + " failed", e);
        }
    }

    /** Every exporter of one node against its model; lazily registered metrics may appear late, so a few tries. */
    private static List<String> compare(KafkaNode node, String role, int reporterPort, String allowlist, Map<String, String> configs)
            throws Exception {
        AuditTarget target = new AuditTarget(node.version().toString(), role);
        Map<String, Catalog> models = new LinkedHashMap<>();
        Map<String, List<Pattern>> perInstance = new LinkedHashMap<>();
        Map<String, Map<String, List<Pattern>>> capturedLabels = new LinkedHashMap<>();
        for (Map.Entry<String, String> config : configs.entrySet()) {
            JmxExporterModel model = JmxExporterModel.of(SourceFile.ofString(config.getKey() + ".yaml", config.getValue()));
            models.put(config.getKey(), model.catalog(target));
            perInstance.put(config.getKey(), List.copyOf(model.simulation(target).unstableNames().values()));
            capturedLabels.put(config.getKey(), model.simulation(target).capturedLabelNames());
        }
        models.put(REPORTER, StrimziReporterModel.create(allowlist, List.of()).catalog(target));
        perInstance.put(REPORTER, List.of());
        capturedLabels.put(REPORTER, Map.of());

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Catalog> model : models.entrySet()) {
            int port = model.getKey().equals(REPORTER) ? reporterPort : node.agentPort(model.getKey());
            SortedMap<String, ExposedFamily> simulated = ExposedFamily.of(model.getValue());
            List<Pattern> namedPerInstance = perInstance.get(model.getKey());
            Map<String, List<Pattern>> labelsFromCaptures = capturedLabels.get(model.getKey());
            List<String> differences = List.of();
            String text = "";
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (attempt > 0) {
                    Thread.sleep(1_500);
                }
                text = Scrape.fetch(port);
                differences = ExposedFamily.differences(simulated, ExposedFamily.of(Scrape.parse(text)), namedPerInstance,
                        (family, label) -> labelsFromCaptures.getOrDefault(family, List.of()).stream()
                                .anyMatch(p -> p.matcher(label).matches()));
                if (differences.isEmpty()) {
                    break;
                }
            }
            Files.writeString(node.dir().resolve("scrape-" + model.getKey() + ".txt"), text);
            for (String d : differences) {
                problems.add(node.version() + " " + role + " " + model.getKey() + ": " + d);
            }
            assertThat(simulated.size()).as("families simulated for %s on %s", model.getKey(), role).isGreaterThan(20);
        }
        return problems;
    }
}
