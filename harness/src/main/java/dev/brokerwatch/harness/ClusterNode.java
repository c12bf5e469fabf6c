package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * One KRaft node of a {@link ClusterCore}, whatever runs it: what every node has (its id, roles, ports,
 * directory, server properties and JVM options) lives here; how it is started, stopped and frozen is its
 * runtime's ({@link KafkaNode}: a local JVM; {@code ContainerKafkaNode}: a container).
 *
 * <p>Every listener binds 127.0.0.1 on a free port. The node's directory
 * {@code tests/target/live/<test>/node-<id>/} holds {@code server.properties}, the logging config and
 * {@code data/} (the log dir); a node can be stopped, killed, paused and started again on the same data.
 */
public abstract class ClusterNode {
    /** The KRaft process roles. */
    public enum Role {
        BROKER("broker"), CONTROLLER("controller");

        private final String configName;

        Role(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    /** What every runtime waits for in Kafka's log: for a broker, after it moved from RECOVERY to RUNNING. */
    public static final String STARTED_LINE = "Kafka Server started";
    public static final String BROKER_LISTENER = "PLAINTEXT";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Where and how a cluster placed one node: the part of a node that does not depend on its runtime. */
    public record Layout(String clusterId, int id, Set<Role> roles, Path dir, KafkaVersion version, int brokerPort, int controllerPort,
            Map<String, Integer> agentPorts, List<String> jvmOptions, List<Path> hostDirs, Duration stopTimeout,
            Duration startupTimeout) {
        public Layout {
            roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
            hostDirs = List.copyOf(hostDirs);
            agentPorts = Collections.unmodifiableMap(new LinkedHashMap<>(agentPorts));
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    private final Layout layout;
    private final Properties properties = new Properties();
    private final List<String> extraJvmOptions = new ArrayList<>();
    private int starts;

    protected ClusterNode(Layout layout) {
        this.layout = layout;
    }

    public int id() {
        return layout.id();
    }

    /** The KRaft cluster id its storage is formatted with. */
    public String clusterId() {
        return layout.clusterId();
    }

    public Set<Role> roles() {
        return layout.roles();
    }

    public boolean isBroker() {
        return roles().contains(Role.BROKER);
    }

    public boolean isController() {
        return roles().contains(Role.CONTROLLER);
    }

    /** {@code node-<id>}: the directory name, the {@code pod} label and the process name in messages. */
    public String name() {
        return "node-" + id();
    }

    public KafkaVersion version() {
        return layout.version();
    }

    /** The node's directory on this machine. */
    public Path dir() {
        return layout.dir();
    }

    public Path dataDir() {
        return dir().resolve("data");
    }

    /** Directories of this machine the node uses besides its own (its extra log directories). */
    public List<Path> hostDirs() {
        return layout.hostDirs();
    }

    /**
     * The pid, on this machine, of the node's process: the broker JVM, which in a container is its first process.
     * Empty while the node is not running.
     */
    public abstract OptionalLong pid();

    public Path serverProperties() {
        return dir().resolve("server.properties");
    }

    /** The process's output: the JVM's stdout and stderr (for a container, Kafka's log too). */
    public Path consoleLog() {
        return dir().resolve("console.log");
    }

    /** The broker listener's port; only for nodes with the broker role. */
    public int brokerPort() {
        if (!isBroker()) {
            throw new IllegalStateException(name() + " has no broker role: " + roles());
        }
        return layout.brokerPort();
    }

    /** {@code 127.0.0.1:<broker port>}. */
    public String bootstrapServers() {
        return LoopbackPorts.address(brokerPort());
    }

    /** The controller listener's port; only for nodes with the controller role. */
    public int controllerPort() {
        if (!isController()) {
            throw new IllegalStateException(name() + " has no controller role: " + roles());
        }
        return layout.controllerPort();
    }

    /** The loopback port allocated for the agent registered under {@code agentName}. */
    public int agentPort(String agentName) {
        Integer port = layout.agentPorts().get(agentName);
        if (port == null) {
            throw new IllegalArgumentException("no agent '" + agentName + "' on " + name() + "; agents: "
                    + layout.agentPorts().keySet());
        }
        return port;
    }

    /** The only agent's port (convenience when exactly one agent is attached). */
    public int agentPort() {
        Map<String, Integer> ports = layout.agentPorts();
        if (ports.size() != 1) {
            throw new IllegalStateException(name() + " has " + ports.size() + " agents, name one: " + ports.keySet());
        }
        return ports.values().iterator().next();
    }

    public Map<String, Integer> agentPorts() {
        return layout.agentPorts();
    }

    /** A copy of the node's server properties (what {@code server.properties} holds). */
    public synchronized Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** How often this node has been started. */
    public synchronized int starts() {
        return starts;
    }

    /**
     * Changes one server property for the next starts of this node (rewrites server.properties); null removes
     * it. Only while the node is stopped, e.g. to repair a fault by restarting with another config.
     */
    public synchronized void setProperty(String key, String value) {
        requireStopped("changing " + key);
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
        writeConfig();
    }

    /**
     * JVM options added after the cluster's and the node's own for the next starts of this node (e.g. another
     * -Xmx); replaces the previous extra options. Only while the node is stopped.
     */
    public synchronized void setExtraJvmOptions(List<String> options) {
        requireStopped("changing its JVM options");
        extraJvmOptions.clear();
        extraJvmOptions.addAll(options);
    }

    synchronized void setProperties(Map<String, String> props) {
        properties.clear();
        properties.putAll(props);
    }

    /** The cluster's and the node's JVM options, then the extra ones of {@link #setExtraJvmOptions(List)}. */
    protected synchronized List<String> jvmOptions() {
        List<String> all = new ArrayList<>(layout.jvmOptions());
        all.addAll(extraJvmOptions);
        return all;
    }

    protected Duration stopTimeout() {
        return layout.stopTimeout();
    }

    protected Duration startupTimeout() {
        return layout.startupTimeout();
    }

    protected synchronized void countStart() {
        starts++;
    }

    protected void requireStopped(String what) {
        if (isActive()) {
            throw new IllegalStateException(name() + " is running: stop it before " + what);
        }
    }

    /** Writes server.properties (a header naming who wrote it) and the logging config of {@link #logFile()}. */
    protected synchronized void writeConfig() {
        try {
            Files.createDirectories(dataDir());
            try (Writer w = Files.newBufferedWriter(serverProperties(), StandardCharsets.UTF_8)) {
                w.write("# written by brokerwatch's " + getClass().getSimpleName() + " for " + name() + ", Kafka "
                        + version() + "\n");
                for (Map.Entry<Object, Object> e : new TreeMap<>(properties).entrySet()) {
                    w.write(e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            Files.writeString(dir().resolve(loggingConfigName()), loggingConfig(logFile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config of " + name() + " in " + dir(), e);
        }
    }

    /** {@code log4j2.properties} for Kafka 4.x, {@code log4j.properties} (reload4j) for 3.x. */
    protected String loggingConfigName() {
        return version().usesLog4j2() ? "log4j2.properties" : "log4j.properties";
    }

    /**
     * The path Kafka's log is appended to, as the process sees it; null for stdout (a container, whose output
     * the runtime collects).
     */
    protected abstract String logFile();

    /** Kafka's logging config: INFO to {@code logFile} (stdout when null), request logging at WARN. */
    static String loggingConfig(boolean log4j2, String logFile) {
        if (log4j2) {
            List<String> lines = new ArrayList<>(List.of("status = warn"));
            if (logFile == null) {
                lines.addAll(List.of("appender.out.type = Console", "appender.out.name = OUT",
                        "appender.out.target = SYSTEM_OUT"));
            } else {
                lines.addAll(List.of("appender.out.type = File", "appender.out.name = OUT",
                        "appender.out.fileName = " + logFile, "appender.out.append = true"));
            }
            lines.addAll(List.of(
                    "appender.out.layout.type = PatternLayout",
                    "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.out.ref = OUT",
                    "logger.kafka_request.name = kafka.request.logger",
                    "logger.kafka_request.level = WARN",
                    ""));
            return String.join("\n", lines);
        }
        List<String> lines = new ArrayList<>(List.of("log4j.rootLogger=INFO, out"));
        if (logFile == null) {
            lines.add("log4j.appender.out=org.apache.log4j.ConsoleAppender");
        } else {
            lines.addAll(List.of("log4j.appender.out=org.apache.log4j.FileAppender",
                    "log4j.appender.out.File=" + logFile, "log4j.appender.out.Append=true"));
        }
        lines.addAll(List.of(
                "log4j.appender.out.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n",
                "log4j.logger.kafka.request.logger=WARN",
                ""));
        return String.join("\n", lines);
    }

    private String loggingConfig(String logFile) {
        return loggingConfig(version().usesLog4j2(), logFile);
    }

    /** The JVM option that points Kafka at its logging config, at {@code configDir} as the process sees it. */
    protected String loggingOption(String configDir) {
        return version().usesLog4j2()
                ? "-Dlog4j2.configurationFile=" + configDir + "/log4j2.properties"
                : "-Dlog4j.configuration=file:" + configDir + "/log4j.properties";
    }

    // ---- the runtime: how the process is run ----

    /** True while the node's process (or container) exists, running or paused: its config must not change. */
    protected abstract boolean isActive();

    public abstract boolean isRunning();

    /** Starts the node on its existing data and waits until it logged {@value #STARTED_LINE}. */
    public abstract void startAndAwait(Duration timeout);

    /** SIGTERM (a controlled shutdown), bounded wait, then SIGKILL. No-op when not running. */
    public abstract void stop();

    /** As {@link #stop()}, with another grace period between SIGTERM and SIGKILL. */
    public abstract void stop(Duration gracePeriod);

    /** SIGKILL: a crash, no controlled shutdown. */
    public abstract void kill();

    /** The process hangs with its sockets open (SIGSTOP, or a frozen container). */
    public abstract void pause();

    /** Continues after {@link #pause()}. */
    public abstract void resume();

    /** The ends of the node's logs, for failure messages. */
    public abstract String diagnostics();

    /** Sleeps in a bounded poll; an interrupt ends the wait with an exception (and keeps the interrupt flag). */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
