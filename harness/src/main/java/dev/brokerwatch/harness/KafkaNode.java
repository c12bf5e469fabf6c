package dev.brokerwatch.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One KRaft node of a {@link LocalJvmKafkaCluster}: its own JVM ({@code java -cp libs/* kafka.Kafka
 * server.properties}), its own directory {@code tests/target/live/<test>/node-<id>/} with
 * {@code server.properties}, the logging config, {@code server.log} (Kafka's log), {@code console.log}
 * (the JVM's stdout/stderr), {@code format.log} (the StorageTool) and {@code data/} (the log dir).
 *
 * <p>Stop: SIGTERM (a controlled shutdown); kill: SIGKILL; pause: SIGSTOP. What every node has, whatever runs
 * it, is in {@link ClusterNode}.
 */
public final class KafkaNode extends ClusterNode {
    private final KafkaDistribution distribution;
    private final Path javaExecutable;
    private final Map<String, JavaAgentAttachment> agents;

    private final List<String> commandPrefix = new ArrayList<>();
    private ManagedProcess process;
    private long serverLogOffsetAtStart;

    KafkaNode(Layout layout, KafkaDistribution distribution, Path javaExecutable,
            Map<String, JavaAgentAttachment> agents) {
        super(layout);
        this.distribution = distribution;
        this.javaExecutable = javaExecutable;
        this.agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
    }

    /** Kafka's own log (log4j2 or reload4j, appended across restarts). */
    public Path serverLog() {
        return dir().resolve("server.log");
    }

    @Override
    protected String logFile() {
        return serverLog().toAbsolutePath().toString();
    }

    @Override
    protected boolean isActive() {
        return isRunning();
    }

    @Override
    public boolean isRunning() {
        ManagedProcess p = process;
        return p != null && p.isAlive();
    }

    /** The pid of the running JVM, or empty when it is not running. */
    @Override
    public OptionalLong pid() {
        ManagedProcess p = process;
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    /** The current (or last) process, for fine control; null before the first start. */
    public ManagedProcess process() {
        return process;
    }

    /**
     * A command the JVM's command line is appended to for the next starts, e.g. a wrapper that puts the
     * process into a cgroup before it execs java ({@code sh -c '... exec "$@"' sh}); empty for none. The
     * pid stays the JVM's only if the wrapper execs. Only while the node is stopped.
     */
    public synchronized void setCommandPrefix(List<String> prefix) {
        requireStopped("changing its command");
        commandPrefix.clear();
        commandPrefix.addAll(prefix);
    }

    private String loggingOption() {
        return loggingOption(dir().toAbsolutePath().toString());
    }

    /** Formats the log dir with the version's StorageTool (static voters, so the same for 3.9 and 4.x). */
    void format(String clusterId, Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable.toString());
        cmd.add("-Xmx256m");
        ClassDataArchive.existing(distribution, javaExecutable).ifPresent(a -> cmd.add(ClassDataArchive.jvmOption(a)));
        cmd.add(loggingOption());
        cmd.addAll(List.of("-cp", distribution.classpath(), KafkaDistribution.STORAGE_TOOL_CLASS,
                "format", "--cluster-id", clusterId, "--config", serverProperties().toAbsolutePath().toString()));
        ManagedProcess.Result r = ManagedProcess.run(name() + "-format", cmd, dir(), dir().resolve("format.log"), timeout);
        if (!r.succeeded()) {
            throw new IllegalStateException("formatting the storage of " + name() + " failed (exit " + r.exitCode()
                    + "):\n" + r.output());
        }
    }

    /** The full command line of the node's JVM (agents included); also written to console.log. */
    synchronized List<String> command() {
        List<String> cmd = new ArrayList<>(commandPrefix);
        cmd.add(javaExecutable.toString());
        cmd.addAll(jvmOptions());
        ClassDataArchive.existing(distribution, javaExecutable).ifPresent(a -> cmd.add(ClassDataArchive.jvmOption(a)));
        cmd.add(loggingOption());
        cmd.add("-Dkafka.logs.dir=" + dir().toAbsolutePath());
        for (Map.Entry<String, JavaAgentAttachment> agent : agents.entrySet()) {
            cmd.addAll(agent.getValue().jvmArguments(this, agentPort(agent.getKey())));
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
        countStart();
        process = ManagedProcess.builder(name(), command())
                .workDir(dir())
                .logFile(consoleLog())
                .stopTimeout(stopTimeout())
                .start();
    }

    @Override
    public void startAndAwait(Duration timeout) {
        start();
        awaitStarted(timeout);
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

    @Override
    public String diagnostics() {
        return "--- " + serverLog() + " (tail)\n" + ManagedProcess.tailOf(serverLog(), 40)
                + "\n--- " + consoleLog() + " (tail)\n" + ManagedProcess.tailOf(consoleLog(), 20);
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public synchronized void stop(Duration gracePeriod) {
        if (process != null) {
            process.stop(gracePeriod);
        }
    }

    @Override
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** SIGSTOP: the JVM hangs with its sockets open (stops heartbeating). */
    @Override
    public void pause() {
        requireProcess().pause();
    }

    /** SIGCONT after {@link #pause()}. */
    @Override
    public void resume() {
        requireProcess().resume();
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

    @Override
    public String toString() {
        ManagedProcess p = process;
        return name() + roles() + (p != null && p.isAlive() ? " pid " + p.pid() : " not running");
    }
}
