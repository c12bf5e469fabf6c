package dev.brokerwatch.harness.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;

import dev.brokerwatch.harness.containers.ContainerAgent;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.JavaAgentAttachment;
import dev.brokerwatch.harness.StockJmxExporter;

/**
 * The exporter on every node of a proof cluster: brokerwatch's own agent (the default) exporting its
 * embedded curated mapping, or, with {@code -Dbrokerwatch.proof.agent=stock}, the stock
 * jmx_prometheus_javaagent with the jmx_exporter config compiled from the same pack (same family names).
 */
public enum ProofAgent {
    BROKERWATCH, STOCK;

    /** The agent's name in the cluster ({@code KafkaNode#agentPort(String)}). */
    public static final String NAME = "metrics";

    /** {@code -Dbrokerwatch.proof.agent=brokerwatch|stock} (default brokerwatch). */
    public static ProofAgent fromSystemProperty() {
        return valueOf(System.getProperty("brokerwatch.proof.agent", "brokerwatch").trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public JavaAgentAttachment attachment(CompiledPack pack) {
        if (this == STOCK) {
            return StockJmxExporter.attachment(stockConfig(pack), "kafka-jmx-exporter.yaml");
        }
        return BrokerwatchAgentAttachment.embedded();
    }

    /** The same exporter for a node in a container: its jar (and config) mounted into the container. */
    public ContainerAgent containerAgent(CompiledPack pack) {
        if (this == STOCK) {
            return ContainerAgent.stockJmxExporter(stockConfig(pack));
        }
        return ContainerAgent.brokerwatch();
    }

    /** The jmx_exporter config the compiler emitted for the pack. */
    private static String stockConfig(CompiledPack pack) {
        try {
            return Files.readString(pack.jmxExporterConfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
