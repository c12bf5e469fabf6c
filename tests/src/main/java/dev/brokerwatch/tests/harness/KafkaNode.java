package dev.brokerwatch.tests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.SeekableByteChannel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * One KRaft node of a {@link LocalJvmKafkaCluster}: its own JVM ({@code java -cp libs/* kafka.Kafka
 * server.properties}), its own directory {@code tests/target/live/<test>/node-<id>/} with
 * {@code server.properties}, the logging config, {@code server.log} (Kafka's log), {@code console.log}
 * (the JVM's stdout/stderr), {@code format.log} (the StorageTool) and {@code data/} (the log dir).
 *
 * <p>Every listener binds 127.0.0.1 on a free port. A node can be stopped (SIGTERM, controlled
 * shutdown), killed (SIGKILL), paused (SIGSTOP) and started again with the same data.
 */
public final class KafkaNode {
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

    static final String STARTED_LINE = "Kafka Server started";
    public static final String BROKER_LISTENER = "PLAINTEXT";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final int id;
    private final Set<Role> roles;
    private final Path dir;
    private final KafkaDistribution distribution;
    private final Path javaExecutable;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, Integer> agentPorts;
    private final Map<String, JavaAgentAttachment> agents;
    private final List<String> jvmOptions;
    private final Properties properties = new Properties();
    private final Duration stopTimeout;

    private final List<String> extraJvmOptions = new ArrayList<>();
    private final List<String> commandPrefix = new ArrayList<>();
    private ManagedProcess process;
    private long serverLogOffsetAtStart;
    private int starts;

    KafkaNode(int id, Set<Role> roles, Path dir, KafkaDistribution distribution, Path javaExecutable,
            int brokerPort, int controllerPort, Map<String, JavaAgentAttachment> agents,
            Map<String, Integer> agentPorts, List<String> jvmOptions, Duration stopTimeout) {
        this.id = id;
        this.roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.dir = dir;
        this.distribution = distribution;
        this.javaExecutable = javaExecutable;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
        this.agentPorts = Collections.unmodifiableMap(new LinkedHashMap<>(agentPorts));
        this.jvmOptions = List.copyOf(jvmOptions);
        this.stopTimeout = stopTimeout;
    }

    public int id() {
        return id;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean isBroker() {
        return roles.contains(Role.BROKER);
    }

    public boolean isController() {
        return roles.contains(Role.CONTROLLER);
    }

    /** {@code node-<id>}: the directory name and the process name in messages. */
    public String name() {
        return "node-" + id;
    }

    public KafkaVersion version() {
        return distribution.version();
    }

    public Path dir() {
        return dir;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public Path serverProperties() {
        return dir.resolve("server.properties");
    }

    /** Kafka's own log (log4j2 or reload4j, appended across restarts). */
    public Path serverLog() {
        return dir.resolve("server.log");
    }

    /** The JVM's stdout and stderr (JVM errors, agent start-up messages). */
    public Path consoleLog() {
        return dir.resolve("console.log");
    }

    /** The broker listener's port; only for nodes with the broker role. */
    public int brokerPort() {
        if (!isBroker()) {
            throw new IllegalStateException(name() + " has no broker role: " + roles);
        }
        return brokerPort;
    }

    /** {@code 127.0.0.1:<broker port>}. */
    public String bootstrapServers() {
        return LoopbackPorts.address(brokerPort());
    }

    /** The controller listener's port; only for nodes with the controller role. */
    public int controllerPort() {
        if (!isController()) {
            throw new IllegalStateException(name() + " has no controller role: " + roles);
        }
        return controllerPort;
    }

    /** The loopback port allocated for the agent registered under {@code agentName}. */
    public int agentPort(String agentName) {
        Integer port = agentPorts.get(agentName);
        if (port == null) {
            throw new IllegalArgumentException("no agent '" + agentName + "' on " + name() + "; agents: "
                    + agentPorts.keySet());
        }
        return port;
    }

    /** The only agent's port (convenience when exactly one agent is attached). */
    public int agentPort() {
        if (agentPorts.size() != 1) {
            throw new IllegalStateException(name() + " has " + agentPorts.size() + " agents, name one: "
                    + agentPorts.keySet());
        }
        return agentPorts.values().iterator().next();
    }

    public Map<String, Integer> agentPorts() {
        return agentPorts;
    }

    /** A copy of the node's broker properties (what {@code server.properties} holds). */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    public boolean isRunning() {
        ManagedProcess p = process;
        return p != null && p.isAlive();
    }

    /** The pid of the running JVM, or empty when it is not running. */
    public OptionalLong pid() {
        ManagedProcess p = process;
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    /** The current (or last) process, for fine control; null before the first start. */
    public ManagedProcess process() {
        return process;
    }

    /**
     * Changes one broker property for the next starts of this node (rewrites server.properties); null
     * removes it. Only while the node is stopped, e.g. to repair a fault by restarting with another config.
     */
    public synchronized void setProperty(String key, String value) {
        if (isRunning()) {
            throw new IllegalStateException(name() + " is running: stop it before changing " + key);
        }
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
        if (isRunning()) {
            throw new IllegalStateException(name() + " is running: stop it before changing its JVM options");
        }
        extraJvmOptions.clear();
        extraJvmOptions.addAll(options);
    }

    /**
     * A command the JVM's command line is appended to for the next starts, e.g. a wrapper that puts the
     * process into a cgroup before it execs java ({@code sh -c '... exec "$@"' sh}); empty for none. The
     * pid stays the JVM's only if the wrapper execs. Only while the node is stopped.
     */
    public synchronized void setCommandPrefix(List<String> prefix) {
        if (isRunning()) {
            throw new IllegalStateException(name() + " is running: stop it before changing its command");
        }
        commandPrefix.clear();
        commandPrefix.addAll(prefix);
    }

    void setProperties(Map<String, String> props) {
        properties.clear();
        properties.putAll(props);
    }

    /** Writes server.properties and the logging config. */
    void writeConfig() {
        try {
            Files.createDirectories(dir);
            Files.createDirectories(dataDir());
            try (Writer w = Files.newBufferedWriter(serverProperties(), StandardCharsets.UTF_8)) {
                w.write("# written by brokerwatch's LocalJvmKafkaCluster for " + name() + ", Kafka " + version()
                        + "\n");
                for (Map.Entry<Object, Object> e : new TreeMap<>(properties).entrySet()) {
                    w.write(e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            if (version().usesLog4j2()) {
                Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                        "status = warn",
                        "appender.file.type = File",
                        "appender.file.name = FILE",
                        "appender.file.fileName = " + serverLog().toAbsolutePath(),
                        "appender.file.append = true",
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = FILE",
                        "logger.kafka_request.name = kafka.request.logger",
                        "logger.kafka_request.level = WARN",
                        ""), StandardCharsets.UTF_8);
            } else {
                Files.writeString(dir.resolve("log4j.properties"), String.join("\n",
                        "log4j.rootLogger=INFO, file",
                        "log4j.appender.file=org.apache.log4j.FileAppender",
                        "log4j.appender.file.File=" + serverLog().toAbsolutePath(),
                        "log4j.appender.file.Append=true",
                        "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
                        "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n",
                        "log4j.logger.kafka.request.logger=WARN",
                        ""), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config of " + name() + " in " + dir, e);
        }
    }

    private List<String> loggingOptions() {
        if (version().usesLog4j2()) {
            return List.of("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toAbsolutePath());
        }
        return List.of("-Dlog4j.configuration=" + dir.resolve("log4j.properties").toAbsolutePath().toUri());
    }

    /** Formats the log dir with the version's StorageTool (static voters, so the same for 3.9 and 4.x). */
    void format(String clusterId, Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable.toString());
        cmd.add("-Xmx256m");
        cmd.addAll(loggingOptions());
        cmd.addAll(List.of("-cp", distribution.classpath(), KafkaDistribution.STORAGE_TOOL_CLASS,
                "format", "--cluster-id", clusterId, "--config", serverProperties().toAbsolutePath().toString()));
        ManagedProcess.Result r = ManagedProcess.run(name() + "-format", cmd, dir, dir.resolve("format.log"), timeout);
        if (!r.succeeded()) {
            throw new IllegalStateException("formatting the storage of " + name() + " failed (exit " + r.exitCode()
                    + "):\n" + r.output());
        }
    }

    /** The full command line of the node's JVM (agents included); also written to console.log. */
    List<String> command() {
        List<String> cmd = new ArrayList<>(commandPrefix);
        cmd.add(javaExecutable.toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(extraJvmOptions);
        cmd.addAll(loggingOptions());
        cmd.add("-Dkafka.logs.dir=" + dir.toAbsolutePath());
        for (Map.Entry<String, JavaAgentAttachment> agent : agents.entrySet()) {
            cmd.addAll(agent.getValue().jvmArguments(this, agentPorts.get(agent.getKey())));
        }
        cmd.addAll(List.of("-cp", distribution.classpath(), KafkaDistribution.SERVER_MAIN_CLASS,
                serverProperties().toAbsolutePath().toString()));
        return cmd;
    }

    /** Starts the JVM (returns at once; see {@link #awaitStarted(Duration)}). */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(name() + " is already running (pid " + process.pid() + ")");
        }
        serverLogOffsetAtStart = sizeOf(serverLog());
        starts++;
        process = ManagedProcess.builder(name(), command())
                .workDir(dir)
                .logFile(consoleLog())
                .stopTimeout(stopTimeout)
                .start();
    }

    /**
     * Waits until this start of the node logged {@value #STARTED_LINE} (for a broker that is after it
     * moved from RECOVERY to RUNNING). Fails at once, with the ends of both logs, if the JVM exits.
     */
    public void awaitStarted(Duration timeout) {
        ManagedProcess p = process;
        if (p == null) {
            throw new IllegalStateException(name() + " was never started");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (logContainsSinceStart(STARTED_LINE)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(name() + " (pid " + p.pid() + ") exited with code "
                        + p.exitCode().orElse(-1) + " while starting.\n" + diagnostics());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " (pid " + p.pid() + ") did not log '" + STARTED_LINE
                        + "' within " + timeout + ".\n" + diagnostics());
            }
            sleep(200);
        }
    }

    /** True if Kafka's log, since the latest start, contains {@code text}. */
    public boolean logContainsSinceStart(String text) {
        return readSince(serverLog(), serverLogOffsetAtStart).contains(text);
    }

    /** The ends of server.log and console.log, for failure messages. */
    public String diagnostics() {
        return "--- " + serverLog() + " (tail)\n" + ManagedProcess.tailOf(serverLog(), 40)
                + "\n--- " + consoleLog() + " (tail)\n" + ManagedProcess.tailOf(consoleLog(), 20);
    }

    /** SIGTERM (a controlled shutdown), bounded wait, then SIGKILL. No-op when not running. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** As {@link #stop()}, with another grace period between SIGTERM and SIGKILL. */
    public synchronized void stop(Duration gracePeriod) {
        if (process != null) {
            process.stop(gracePeriod);
        }
    }

    /** SIGKILL: a crash, no controlled shutdown. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** SIGSTOP: the JVM hangs with its sockets open (stops heartbeating). */
    public void pause() {
        requireProcess().pause();
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        requireProcess().resume();
    }

    /** How often this node has been started. */
    public int starts() {
        return starts;
    }

    private ManagedProcess requireProcess() {
        ManagedProcess p = process;
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException(name() + " is not running");
        }
        return p;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0L;
        } catch (IOException e) {
            return 0L;
        }
    }

    private static String readSince(Path file, long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size <= offset) {
                return "";
            }
            long len = Math.min(size - offset, 64L * 1024 * 1024);
            ByteBuffer buf = ByteBuffer.allocate((int) len);
            ch.position(offset);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read on
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        ManagedProcess p = process;
        return name() + roles + (p != null && p.isAlive() ? " pid " + p.pid() : " not running");
    }
}
