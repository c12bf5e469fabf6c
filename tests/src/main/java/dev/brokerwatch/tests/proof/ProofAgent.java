package dev.brokerwatch.tests.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import dev.brokerwatch.tests.containers.ContainerAgent;
import dev.brokerwatch.tests.harness.HarnessPaths;
import dev.brokerwatch.tests.harness.JavaAgentAttachment;
import dev.brokerwatch.tests.harness.LoopbackPorts;
import dev.brokerwatch.tests.harness.StockJmxExporter;

/**
 * The exporter on every node of a proof cluster: brokerwatch's own agent (the default) exporting its
 * embedded curated mapping, or, with {@code -Dbrokerwatch.proof.agent=stock}, the stock
 * jmx_prometheus_javaagent with the jmx_exporter config compiled from the same pack (same family names).
 */
public enum ProofAgent {
    BROKERWATCH, STOCK;

    /** The agent's name in the cluster ({@code KafkaNode#agentPort(String)}). */
    public static final String NAME = "metrics";
    private static boolean copied;

    /** {@code -Dbrokerwatch.proof.agent=brokerwatch|stock} (default brokerwatch). */
    public static ProofAgent fromSystemProperty() {
        return valueOf(System.getProperty("brokerwatch.proof.agent", "brokerwatch").trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public JavaAgentAttachment attachment(CompiledPack pack) {
        if (this == STOCK) {
            try {
                return StockJmxExporter.attachment(Files.readString(pack.jmxExporterConfig()), "kafka-jmx-exporter.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path jar = brokerwatchAgentJar();
        return (node, port) -> List.of("-javaagent:" + jar + "=" + LoopbackPorts.HOST + ":" + port);
    }

    /** The same exporter for a node in a container: its jar (and config) mounted into the container. */
    public ContainerAgent containerAgent(CompiledPack pack) {
        if (this == STOCK) {
            try {
                return ContainerAgent.stockJmxExporter(Files.readString(pack.jmxExporterConfig()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ContainerAgent.of(brokerwatchAgentJar(), "");
    }

    /**
     * brokerwatch's agent: {@code -Dbrokerwatch.agent.jar}, else {@code javaagent/target/brokerwatch-agent.jar},
     * copied once into {@code tests/target/proof/} so that a rebuild during a run does not change it.
     */
    public static synchronized Path brokerwatchAgentJar() {
        String prop = System.getProperty("brokerwatch.agent.jar");
        Path built = prop != null && !prop.isBlank() ? Path.of(prop)
                : CompiledPack.repoRoot().resolve("javaagent").resolve("target").resolve("brokerwatch-agent.jar");
        Path copy = HarnessPaths.targetDir().resolve("proof").resolve("brokerwatch-agent.jar");
        if (copied) {
            return copy.toAbsolutePath();
        }
        if (!Files.isRegularFile(built)) {
            throw new AssertionError("the brokerwatch agent " + built + " is missing: build it with "
                    + "`mvn -q -pl javaagent -am package -DskipTests` (tests/live-proof.sh does), or run the proof "
                    + "with -Dbrokerwatch.proof.agent=stock");
        }
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
            copied = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy.toAbsolutePath();
    }
}
