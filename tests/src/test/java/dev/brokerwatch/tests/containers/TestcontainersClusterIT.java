package dev.brokerwatch.tests.containers;

import dev.brokerwatch.harness.containers.ContainerAgent;
import dev.brokerwatch.harness.containers.ContainerKafkaNode;
import dev.brokerwatch.harness.containers.DockerEngine;
import dev.brokerwatch.harness.containers.TestcontainersKafkaCluster;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;

import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.ManagedProcess;
import dev.brokerwatch.harness.PrometheusServer;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.Workload;

/**
 * Three combined KRaft nodes in containers (Testcontainers, host networking, the local JRE image with Kafka's
 * Maven Central jars, or {@code -Dbrokerwatch.kafka.image=apache/kafka:<version>}), brokerwatch's agent on each,
 * a real Prometheus scraping all three on loopback with the curated rules compiled with short windows. One
 * node's container is stopped: {@code KafkaBrokerDown} fires for it with job/instance/namespace/pod; a new
 * container on the same data starts: the alert resolves. Needs a Docker engine: without one it fails with
 * what to run (docs/testcontainers.md), it never skips.
 */
@ResourceLock(DockerEngine.CLUSTERS_LOCK)
class TestcontainersClusterIT {
    private static final String TEST = "TestcontainersClusterIT";
    private static final String AGENT = "bw";
    private static final String NAMESPACE = "kafka";
    private static final String TOPIC = "bw-containers";
    /** The pack's own params, shortened: `brokerwatch check` stays clean with exactly these. */
    private static final Map<String, String> PARAMS = Map.of(
            "scrape_interval", "2s", "evaluation_interval", "2s", "broker_down_for", "10s",
            "broker_down_keep_firing_for", "20s");

    private final Map<String, Long> timings = new LinkedHashMap<>();

    @Test
    @Timeout(900)
    void stoppedContainerFiresKafkaBrokerDownAndItsRestartResolvesIt() {
        long t0 = System.nanoTime();
        List<Path> rules = compileCuratedPack();
        lap("compile the curated pack", t0);

        long tEngine = System.nanoTime();
        DockerEngine.require();
        lap("engine check", tEngine);

        long tStart = System.nanoTime();
        Map<Integer, List<String>> containerIds;
        try (TestcontainersKafkaCluster cluster = TestcontainersKafkaCluster.builder(TEST)
                .combinedNodes(3)
                .heap("384m")
                .agent(AGENT, ContainerAgent.brokerwatch())
                .start()) {
            lap("cluster start (image check, 3 containers, brokers registered)", tStart);
            assertThat(cluster.brokerIds()).containsExactly(1, 2, 3);
            assertThat(cluster.controllerIds()).containsExactly(1, 2, 3);
            for (ContainerKafkaNode node : cluster.nodes()) {
                assertHostNetworkedContainer(node);
                assertThat(Scrape.metrics(node.agentPort(AGENT)).size())
                        .as("metric families of the agent on %s", node.name()).isGreaterThan(0);
            }
            try (Workload workload = cluster.workload()) {
                workload.createTopic(TOPIC, 3, 3);
                workload.produce(TOPIC, 200, 100);
            }

            PrometheusServer.Builder pb = PrometheusServer.builder(TEST)
                    .scrapeInterval(Duration.ofSeconds(2)).evaluationInterval(Duration.ofSeconds(2));
            for (ContainerKafkaNode node : cluster.nodes()) {
                pb.target("kafka", LoopbackPorts.address(node.agentPort(AGENT)),
                        Map.of("namespace", NAMESPACE, "pod", node.name()));
            }
            rules.forEach(pb::ruleFile);
            try (PrometheusServer prom = pb.start()) {
                long tUp = System.nanoTime();
                List<PrometheusServer.Target> targets = prom.awaitTargetsUp(Duration.ofSeconds(60));
                assertThat(targets).hasSize(3);
                lap("prometheus: 3 targets up", tUp);
                assertThat(brokerDown(prom.alerts())).as("KafkaBrokerDown on a healthy cluster").isEmpty();

                ContainerKafkaNode victim = cluster.node(3);
                String victimContainer = victim.containerId().orElseThrow();
                int victimPort = victim.agentPort(AGENT);
                long tFire = System.nanoTime();
                cluster.stopNode(3);
                assertThat(cluster.isNodeRunning(3)).isFalse();
                // 143 (SIGTERM) or 0: a controlled shutdown; 137 would mean docker had to SIGKILL it
                assertThat(victim.lastExitCode().orElseThrow()).as("exit code of the stopped broker").isIn(0L, 143L);
                assertContainerGone(victimContainer);

                List<PrometheusServer.Alert> firing = prom.awaitAlerts(
                        alerts -> brokerDown(alerts).stream().anyMatch(PrometheusServer.Alert::isFiring),
                        Duration.ofSeconds(120));
                lap("KafkaBrokerDown firing after docker stop", tFire);
                List<PrometheusServer.Alert> down = brokerDown(firing);
                assertThat(down).as("KafkaBrokerDown alerts").hasSize(1);
                PrometheusServer.Alert alert = down.get(0);
                assertThat(alert.isFiring()).isTrue();
                assertThat(alert.labels())
                        .containsEntry("job", "kafka")
                        .containsEntry("instance", LoopbackPorts.address(victimPort))
                        .containsEntry("namespace", NAMESPACE)
                        .containsEntry("pod", "node-3")
                        .containsEntry("severity", "critical");
                assertThat(alert.annotations().get("summary")).contains("node-3");

                long tResolve = System.nanoTime();
                cluster.startNode(3);
                lap("node-3: new container started and registered", tResolve);
                assertThat(victim.containerIds()).hasSize(2).doesNotHaveDuplicates();
                assertHostNetworkedContainer(victim);
                prom.awaitAlerts(alerts -> brokerDown(alerts).isEmpty(), Duration.ofSeconds(120));
                lap("KafkaBrokerDown resolved after the restart", tResolve);
            }
            containerIds = cluster.containerIds();
            long tClose = System.nanoTime();
            cluster.close();
            lap("cluster close", tClose);
        } finally {
            writeTimings();
        }
        containerIds.values().stream().flatMap(List::stream).forEach(TestcontainersClusterIT::assertContainerGone);
        lap("whole test", t0);
        writeTimings();
    }

    private static List<PrometheusServer.Alert> brokerDown(List<PrometheusServer.Alert> alerts) {
        return alerts.stream().filter(a -> "KafkaBrokerDown".equals(a.name())).toList();
    }

    private static void assertHostNetworkedContainer(ContainerKafkaNode node) {
        String id = node.containerId().orElseThrow();
        InspectContainerResponse c = DockerClientFactory.instance().client().inspectContainerCmd(id).exec();
        assertThat(c.getState().getRunning()).as("%s running", id).isTrue();
        assertThat(c.getHostConfig().getNetworkMode()).as("network mode of %s", node.name()).isEqualTo("host");
        assertThat(c.getConfig().getExposedPorts()).as("exposed ports of %s", node.name()).isNullOrEmpty();
        assertThat(c.getConfig().getLabels()).containsEntry("dev.brokerwatch.node", Integer.toString(node.id()));
        assertThat(c.getMounts()).as("the class-data archive mounted into %s", node.name())
                .anyMatch(m -> m.getDestination() != null && "/opt/kafka-cds/kafka-server.jsa".equals(m.getDestination().getPath()));
        assertThat(readConsole(node))
                .as("the JVM of %s took the class-data archive (it warns when it runs without)", node.name())
                .doesNotContain("[cds");
    }

    private static String readConsole(ContainerKafkaNode node) {
        try {
            return java.nio.file.Files.readString(node.consoleLog());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertContainerGone(String id) {
        try {
            InspectContainerResponse c = DockerClientFactory.instance().client().inspectContainerCmd(id).exec();
            throw new AssertionError("container " + id + " still exists: " + c.getState());
        } catch (NotFoundException expected) {
            // removed
        }
    }

    /** {@code brokerwatch check} (clean) and {@code brokerwatch compile} of the curated pack with {@link #PARAMS}. */
    private static List<Path> compileCuratedPack() {
        Path repo = HarnessPaths.testsBaseDir().toAbsolutePath().getParent();
        Path jar = Path.of(System.getProperty("brokerwatch.compiler.jar",
                repo.resolve("compiler/target/brokerwatch.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the compiler jar " + jar + " is missing: `mvn -q -pl rules-dsl,compiler,javaagent"
                    + " -am install -DskipTests` from the repository root");
        }
        Path pack = repo.resolve("alerts/kafka.bw");
        Path base = HarnessPaths.targetDir().resolve("containers");
        Path out = HarnessPaths.freshDir(base.resolve("pack"));
        List<String> set = new ArrayList<>();
        PARAMS.forEach((k, v) -> {
            set.add("--set");
            set.add(k + "=" + v);
        });
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> check = new ArrayList<>(List.of(java, "-jar", jar.toString(), "check"));
        check.addAll(set);
        check.add(pack.toString());
        ManagedProcess.Result checked = ManagedProcess.run("brokerwatch-check", check, repo, base.resolve("check.log"),
                Duration.ofMinutes(2));
        assertThat(checked.exitCode()).as("brokerwatch check %s:\n%s", PARAMS, checked.output()).isZero();
        assertThat(checked.output().toLowerCase()).as("brokerwatch check output").doesNotContain("warning");

        List<String> compile = new ArrayList<>(List.of(java, "-jar", jar.toString(), "compile", "--out", out.toString()));
        compile.addAll(set);
        compile.add(pack.toString());
        ManagedProcess.Result compiled = ManagedProcess.run("brokerwatch-compile", compile, repo,
                base.resolve("compile.log"), Duration.ofMinutes(2));
        assertThat(compiled.exitCode()).as("brokerwatch compile:\n%s", compiled.output()).isZero();
        try (Stream<Path> s = Files.list(out.resolve("prometheus"))) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".rules.yml")).sorted().toList();
            assertThat(files).isNotEmpty();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lap(String what, long startNanos) {
        timings.put(what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void writeTimings() {
        StringBuilder s = new StringBuilder();
        timings.forEach((k, v) -> s.append(String.format("%8.1f s  %s%n", v / 1000.0, k)));
        System.out.print("TestcontainersClusterIT timings:\n" + s);
        try {
            Path f = HarnessPaths.liveDir(TEST).resolve("timings.txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only a report
        }
    }
}
