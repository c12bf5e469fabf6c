package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.ManagedProcess;
import dev.brokerwatch.tests.catalog.PackCatalog;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.Workload;

/**
 * The round trip from source to a live scrape: a small {@code .bw} catalog (a gauge, a per-topic counter, a
 * summary, and a family of two members with two labels) is compiled by the real command line ({@code java -jar
 * compiler/target/brokerwatch.jar compile --name roundtrip --out DIR}); the agent loads the mapping it wrote
 * instead of its embedded one; a live Kafka 4.1.2 node then exports exactly those families, with their types and
 * label names, and {@code /about} names that mapping and its SHA-256.
 */
class MappingRoundTripIT {
    private static final String AGENT = "bw";
    private static final String TOPIC = "bw-roundtrip";

    private static final String SOURCE = """
            # A small catalog for the mapping round trip: compiled by brokerwatch, loaded by the agent.
            metric roundtrip_broker_state gauge
              help "Broker state (3 = running)"
              jmx "kafka.server:type=KafkaServer,name=BrokerState" attribute Value

            metric roundtrip_messages_in_total counter
              help "Messages produced, per topic"
              jmx "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=*" attribute Count
              labels topic

            metric roundtrip_produce_time_ms summary unit milliseconds
              help "Produce request time (ms)"
              jmx "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce"

            family roundtrip_log gauge
              jmx "kafka.log:type=Log,name={member},topic=*,partition=*" attribute Value
              labels topic, partition
              member Size help "Size of a partition's log" unit bytes
              member LogEndOffset help "Offset after the last message of a partition's log"
            """;

    @Test
    @Timeout(240)
    void theCompilerWritesAMappingThatTheAgentLoadsAndExportsExactly() throws Exception {
        Path work = HarnessPaths.freshDir(HarnessPaths.targetDir().resolve("roundtrip"));
        Path source = work.resolve("roundtrip.bw");
        Files.writeString(source, SOURCE);
        Path out = work.resolve("out");
        Path compiler = BrokerwatchAgentAttachment.repoRoot().resolve("compiler").resolve("target")
                .resolve("brokerwatch.jar");
        assertThat(compiler).as("the compiler jar; build it with `mvn -q -pl rules-dsl,compiler,javaagent -am "
                + "install -DskipTests`").isRegularFile();
        ManagedProcess.Result compiled = ManagedProcess.run("brokerwatch-compile", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", compiler.toString(),
                "compile", source.toString(), "--name", "roundtrip", "--out", out.toString()),
                work, work.resolve("compile.log"), Duration.ofMinutes(2));
        assertThat(compiled.exitCode()).as("brokerwatch compile: %s", compiled.output()).isZero();
        Path mapping = out.resolve("agent").resolve("roundtrip-default.mapping");
        assertThat(mapping).isRegularFile();

        Catalog catalog = PackCatalog.load(source);
        List<CatalogMetric> declared = PackCatalog.agentMetrics(catalog);
        assertThat(declared).extracting(CatalogMetric::name).containsExactlyInAnyOrder("roundtrip_broker_state",
                "roundtrip_messages_in_total", "roundtrip_produce_time_ms", "roundtrip_log_size",
                "roundtrip_log_logendoffset");

        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("MappingRoundTripIT")
                .agent(AGENT, BrokerwatchAgentAttachment.withMapping(mapping))
                .start()) {
            KafkaNode node = cluster.node(1);
            int port = node.agentPort(AGENT);
            try (Workload workload = cluster.workload()) {
                workload.createTopic(TOPIC, 2, 1);
                assertThat(workload.produce(TOPIC, 100, 50)).isEqualTo(100);
            }

            Scrape.MetricFamilies scrape = Scrape.metrics(port);
            List<String> problems = new ArrayList<>();
            SortedSet<String> expectedFamilies = new TreeSet<>();
            for (CatalogMetric metric : declared) {
                var family = PackCatalog.family(scrape, metric);
                if (family.isEmpty()) {
                    problems.add(metric.name() + ": missing");
                    continue;
                }
                expectedFamilies.add(family.get().name());
                problems.addAll(AgentExportsCatalogIT.shapeProblems(metric, family.get()));
            }
            assertThat(problems).as("the compiled catalog vs. the live scrape").isEmpty();
            assertThat(scrape.names().stream().filter(n -> !(n.startsWith("jvm_") || n.startsWith("process_")
                    || n.startsWith("brokerwatch_"))).toList())
                    .as("exactly the families of the compiled catalog (the embedded mapping is not loaded)")
                    .containsExactlyInAnyOrderElementsOf(expectedFamilies);

            assertThat(scrape.value("roundtrip_broker_state", Map.of())).hasValue(3.0);
            assertThat(scrape.value("roundtrip_messages_in_total", Map.of("topic", TOPIC))).hasValue(100.0);
            assertThat(scrape.samples("roundtrip_log_size", Map.of("topic", TOPIC))).hasSize(2);
            assertThat(scrape.value("roundtrip_produce_time_ms_count", Map.of())).isPresent();

            JsonNode about = new ObjectMapper().readTree(Scrape.fetch(
                    URI.create("http://" + LoopbackPorts.address(port) + "/about")));
            assertThat(about.get("mapping").get("name").asText()).isEqualTo("roundtrip-default");
            assertThat(about.get("mapping").get("metrics").asInt()).isEqualTo(declared.size());
            assertThat(about.get("mapping").get("sha256").asText()).isEqualTo(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(mapping))));
        }
    }
}
