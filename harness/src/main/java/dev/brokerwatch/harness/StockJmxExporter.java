package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The stock Prometheus JMX exporter agent ({@code io.prometheus.jmx:jmx_prometheus_javaagent}, the version
 * of the root pom's {@code jmx.exporter.version}), copied by the build to
 * {@code tests/target/jmx-exporter/jmx_prometheus_javaagent.jar}: the baseline that brokerwatch's own agent
 * is compared with.
 */
public final class StockJmxExporter {
    /** Exports every MBean attribute under the exporter's default names. */
    public static final String CATCH_ALL_CONFIG = "rules:\n  - pattern: \".*\"\n";
    static final String FALLBACK_VERSION = "1.0.1";
    /** What the isolating agent's arguments start with (ProbeAgent.ISOLATED). */
    private static final String ISOLATED_PREFIX = "isolated=";

    private StockJmxExporter() {}

    /** The agent jar; fetched from Maven Central through a nested Maven build if the build did not copy it. */
    public static synchronized Path agentJar() {
        String prop = System.getProperty("brokerwatch.jmx.exporter.jar");
        Path jar = prop != null && !prop.isBlank()
                ? Path.of(prop)
                : HarnessPaths.targetDir().resolve("jmx-exporter").resolve("jmx_prometheus_javaagent.jar");
        if (!Files.isRegularFile(jar)) {
            fetch(jar);
        }
        return jar.toAbsolutePath();
    }

    private static void fetch(Path jar) {
        String version = System.getProperty("brokerwatch.jmx.exporter.version", FALLBACK_VERSION);
        Path log = jar.toAbsolutePath().getParent().resolve("fetch.log");
        ManagedProcess.Result r = KafkaDistribution.copyArtifact("mvn-jmx-exporter",
                "io.prometheus.jmx:jmx_prometheus_javaagent:" + version, jar.toAbsolutePath().getParent(), log);
        if (!r.succeeded() || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("cannot fetch jmx_prometheus_javaagent " + version + " (exit "
                    + r.exitCode() + "), see " + log + ":\n" + ManagedProcess.tailOf(log, 30));
        }
    }

    /**
     * Attaches the stock agent with the given YAML config, written to {@code <node dir>/<fileName>}.
     * The agent binds 127.0.0.1 only.
     */
    public static JavaAgentAttachment attachment(String configYaml, String fileName) {
        return (node, port) -> {
            Path config = node.dir().resolve(fileName);
            try {
                Files.writeString(config, configYaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + config, e);
            }
            return List.of("-javaagent:" + agentJar() + "=" + LoopbackPorts.HOST + ":" + port + ":"
                    + config.toAbsolutePath());
        };
    }

    /**
     * The stock agent started in a class loader of its own by an isolating agent jar (the benchmark's probe,
     * {@code dev.brokerwatch.tests.bench.ProbeJar}): the agent's registry is static, so two copies in one JVM need this.
     * The agent's own code runs unchanged; only the class loader differs (its parent is the platform class loader, so it
     * reads the platform MBean server as the plain agent does).
     */
    public static JavaAgentAttachment isolated(Path isolatorJar, String configYaml, String fileName) {
        JavaAgentAttachment plain = attachment(configYaml, fileName);
        return (node, port) -> {
            String spec = plain.jvmArguments(node, port).get(0).substring("-javaagent:".length()); // <jar>=<args>
            int eq = spec.indexOf('=');
            return List.of("-javaagent:" + isolatorJar + "=" + ISOLATED_PREFIX + spec.substring(0, eq) + "|" + spec.substring(eq + 1));
        };
    }

    /** The stock agent with the catch-all config ({@link #CATCH_ALL_CONFIG}). */
    public static JavaAgentAttachment catchAll() {
        return attachment(CATCH_ALL_CONFIG, "jmx-exporter-catch-all.yaml");
    }
}
