package dev.brokerwatch.tests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * brokerwatch's own agent ({@code javaagent/target/brokerwatch-agent.jar}) on a node:
 * {@code -javaagent:<jar>=127.0.0.1:<port>[:<mapping>][:config=<file>]}.
 *
 * <pre>{@code
 * LocalJvmKafkaCluster.builder("MyIT").agent("bw", BrokerwatchAgentAttachment.embedded())...
 * LocalJvmKafkaCluster.builder("MyIT").agent("bw", BrokerwatchAgentAttachment.withMapping(path))...
 * }</pre>
 *
 * <p>The jar is {@code -Dbrokerwatch.agent.jar} if set, else the one the javaagent module built; it is copied
 * once per test JVM to {@code tests/target/agent/}, so a rebuild while tests run cannot change it under a broker.
 */
public final class BrokerwatchAgentAttachment {
    private static Path copied;

    private BrokerwatchAgentAttachment() {}

    /** The repository root (the parent of {@code tests/}). */
    public static Path repoRoot() {
        return HarnessPaths.testsBaseDir().toAbsolutePath().getParent();
    }

    /** The agent jar as built ({@code -Dbrokerwatch.agent.jar}, else {@code javaagent/target/brokerwatch-agent.jar}). */
    public static Path builtJar() {
        String prop = System.getProperty("brokerwatch.agent.jar");
        return (prop != null && !prop.isBlank() ? Path.of(prop)
                : repoRoot().resolve("javaagent").resolve("target").resolve("brokerwatch-agent.jar")).toAbsolutePath();
    }

    /** The copy of {@link #builtJar()} that brokers run; fails with the build command when the jar is missing. */
    public static synchronized Path agentJar() {
        if (copied != null) {
            return copied;
        }
        Path built = builtJar();
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("the brokerwatch agent " + built + " is missing: build it first with "
                    + "`mvn -q -pl rules-dsl,compiler,javaagent -am install -DskipTests` from the repository root");
        }
        Path copy = HarnessPaths.targetDir().resolve("agent").resolve("brokerwatch-agent.jar");
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + built + " to " + copy, e);
        }
        copied = copy.toAbsolutePath();
        return copied;
    }

    /** The agent with its embedded curated mapping, bound to 127.0.0.1. */
    public static JavaAgentAttachment embedded() {
        return withArguments("");
    }

    /** The agent with a mapping file instead of the embedded one. */
    public static JavaAgentAttachment withMapping(Path mapping) {
        return withArguments(":" + mapping.toAbsolutePath());
    }

    /**
     * The agent with {@code suffix} after {@code 127.0.0.1:<port>}, for example {@code ":/x.mapping"} or
     * {@code ":config=/agent.properties"} (empty: the embedded mapping, default settings).
     */
    public static JavaAgentAttachment withArguments(String suffix) {
        return (node, port) -> List.of("-javaagent:" + agentJar() + "=" + LoopbackPorts.HOST + ":" + port + suffix);
    }
}
