package dev.brokerwatch.harness.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.StockJmxExporter;

/**
 * A Java agent on every node of a {@link TestcontainersKafkaCluster}: its jar on the host is mounted read-only
 * into each container at {@code /opt/brokerwatch/agents/<name>.jar}, and the node's JVM gets
 * {@code -javaagent:/opt/brokerwatch/agents/<name>.jar=127.0.0.1:<port><suffix>} with the free loopback
 * port the cluster chose (host networking: the host's loopback). An optional config file is written into the
 * node's directory, which the container sees at {@link TestcontainersKafkaCluster#NODE_DIR}.
 *
 * <pre>{@code
 * TestcontainersKafkaCluster.builder("MyIT").agent("bw", ContainerAgent.brokerwatch())...
 * TestcontainersKafkaCluster.builder("MyIT").agent("stock", ContainerAgent.stockJmxExporter(yaml))...
 * }</pre>
 */
public final class ContainerAgent {
    public static final String AGENTS_DIR = "/opt/brokerwatch/agents";

    private final Supplier<Path> hostJar;
    private final String suffix;
    private final String configFileName;
    private final String configContent;

    private ContainerAgent(Supplier<Path> hostJar, String suffix, String configFileName, String configContent) {
        this.hostJar = Objects.requireNonNull(hostJar);
        this.suffix = suffix == null ? "" : suffix;
        this.configFileName = configFileName;
        this.configContent = configContent;
    }

    /** brokerwatch's agent ({@link BrokerwatchAgentAttachment#agentJar()}) with its embedded curated mapping. */
    public static ContainerAgent brokerwatch() {
        return new ContainerAgent(BrokerwatchAgentAttachment::agentJar, "", null, null);
    }

    /**
     * brokerwatch's agent with a config file: {@code contents} is written to the node's directory as
     * {@code fileName} and passed as {@code :config=<file in the container>}.
     */
    public static ContainerAgent brokerwatchWithConfig(String fileName, String contents) {
        return new ContainerAgent(BrokerwatchAgentAttachment::agentJar, ":config=" + TestcontainersKafkaCluster.NODE_DIR
                + "/" + fileName, fileName, contents);
    }

    /** The stock jmx_prometheus_javaagent with a YAML config (written to the node's directory). */
    public static ContainerAgent stockJmxExporter(String configYaml) {
        String file = "jmx-exporter.yaml";
        return new ContainerAgent(StockJmxExporter::agentJar, ":" + TestcontainersKafkaCluster.NODE_DIR + "/" + file,
                file, configYaml);
    }

    /** Any agent jar of the host, with {@code suffix} after {@code 127.0.0.1:<port>} (may be empty). */
    public static ContainerAgent of(Path hostJar, String suffix) {
        return new ContainerAgent(() -> hostJar.toAbsolutePath(), suffix, null, null);
    }

    /** The jar on the host (resolved, and for brokerwatch's agent copied, when the cluster is built). */
    Path hostJar() {
        Path jar = hostJar.get();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar " + jar + " is missing");
        }
        return jar;
    }

    static String containerJar(String agentName) {
        return AGENTS_DIR + "/" + agentName + ".jar";
    }

    String configFileName() {
        return configFileName;
    }

    String configContent() {
        return configContent;
    }

    List<String> jvmArguments(String agentName, int port) {
        return List.of("-javaagent:" + containerJar(agentName) + "=" + LoopbackPorts.HOST + ":" + port + suffix);
    }
}
