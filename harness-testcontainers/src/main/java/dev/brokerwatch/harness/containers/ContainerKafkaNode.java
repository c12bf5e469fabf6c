package dev.brokerwatch.harness.containers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;

import dev.brokerwatch.harness.ClusterNode;
import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.ManagedProcess;

/**
 * One KRaft node of a {@link TestcontainersKafkaCluster}: a {@link GenericContainer} in the host's network
 * namespace ({@code withNetworkMode("host")}, no exposed ports), every listener and agent on a free 127.0.0.1
 * port. Its directory {@code tests/target/live/<test>/node-<id>/} is mounted read-write at
 * {@link TestcontainersKafkaCluster#NODE_DIR} and holds {@code server.properties}, the logging config,
 * {@code entrypoint.sh}, {@code format.log}, {@code data/} and {@code console.log} (the container's output,
 * appended across starts: Kafka's log and the JVM's messages). The node's extra log directories
 * ({@link ClusterNode#hostDirs()}) are mounted at their own paths.
 *
 * <p>Every start is a new container (the data stays in the mounted directory); {@link #containerIds()} lists
 * them all. Stop: {@code docker stop} (SIGTERM to the broker JVM, which is the container's pid 1: a
 * controlled shutdown; SIGKILL after the grace period). Kill: {@code docker kill} (SIGKILL). Pause:
 * {@code docker pause} (the cgroup freezer: the JVM hangs with its sockets open).
 */
public final class ContainerKafkaNode extends ClusterNode {
    private static final int PAUSE_ATTEMPTS = 5;

    private final TestcontainersKafkaCluster.Image image;
    private final String clusterName;
    private final Path kafkaLibs;
    private final Map<String, ContainerAgent> agents;
    private final List<String> containerIds = new ArrayList<>();

    private GenericContainer<?> container;
    private Path classDataArchive;
    private Writer console;
    private Long lastExitCode;

    ContainerKafkaNode(Layout layout, TestcontainersKafkaCluster.Image image, String clusterName, Path kafkaLibs,
            Map<String, ContainerAgent> agents) {
        super(layout);
        this.image = image;
        this.clusterName = clusterName;
        this.kafkaLibs = kafkaLibs;
        this.agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
    }

    @Override
    protected String logFile() {
        return null; // stdout: the wait strategy reads it there, and console.log gets it from the container
    }

    /** The id of the current (or last) container, if the node was ever started. */
    public synchronized Optional<String> containerId() {
        return containerIds.isEmpty() ? Optional.empty() : Optional.of(containerIds.get(containerIds.size() - 1));
    }

    /** Every container this node ran in, oldest first. */
    public synchronized List<String> containerIds() {
        return List.copyOf(containerIds);
    }

    /** The exit code of the last stopped or killed container, if any. */
    public synchronized Optional<Long> lastExitCode() {
        return Optional.ofNullable(lastExitCode);
    }

    /** The current container (for fine control); null while the node is stopped. */
    public synchronized GenericContainer<?> container() {
        return container;
    }

    @Override
    public synchronized boolean isRunning() {
        if (container == null || container.getContainerId() == null) {
            return false;
        }
        try {
            Boolean running = inspect().getState().getRunning();
            return Boolean.TRUE.equals(running);
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The broker JVM: the container's first process, as this machine sees it. */
    @Override
    public synchronized OptionalLong pid() {
        if (container == null || container.getContainerId() == null) {
            return OptionalLong.empty();
        }
        try {
            InspectContainerResponse.ContainerState state = inspect().getState();
            Long pid = state.getPidLong();
            return Boolean.TRUE.equals(state.getRunning()) && pid != null && pid > 0 ? OptionalLong.of(pid)
                    : OptionalLong.empty();
        } catch (NotFoundException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    protected synchronized boolean isActive() {
        return container != null;
    }

    /** server.properties, the logging config and the agents' config files, in the node's directory. */
    @Override
    protected synchronized void writeConfig() {
        super.writeConfig();
        try {
            for (ContainerAgent agent : agents.values()) {
                if (agent.configFileName() != null) {
                    Files.writeString(dir().resolve(agent.configFileName()), agent.configContent(),
                            StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agents' config of " + name() + " in " + dir(), e);
        }
    }

    private String loggingOption() {
        return loggingOption(TestcontainersKafkaCluster.NODE_DIR);
    }

    /** The class-data archive (on this machine) the node's JVM maps from its next start; null for none. */
    synchronized void useClassDataArchive(Path archive) {
        this.classDataArchive = archive;
    }

    /** The broker JVM's arguments (after {@code java}), as in the entrypoint. */
    synchronized List<String> jvmArguments() {
        List<String> args = new ArrayList<>(jvmOptions());
        if (classDataArchive != null) {
            args.add(ContainerClassDataArchive.jvmOption());
        }
        args.add(loggingOption());
        args.add("-Dkafka.logs.dir=" + TestcontainersKafkaCluster.NODE_DIR);
        for (Map.Entry<String, ContainerAgent> a : agents.entrySet()) {
            args.addAll(a.getValue().jvmArguments(a.getKey(), agentPort(a.getKey())));
        }
        return args;
    }

    /**
     * The container's entrypoint: format the storage once (static voters, the same for 3.9 and 4.x), then
     * {@code exec java ... kafka.Kafka server.properties}, so the broker JVM is pid 1 and gets docker's signals.
     */
    String entrypoint() {
        String nodeDir = TestcontainersKafkaCluster.NODE_DIR;
        String cp = "'" + TestcontainersKafkaCluster.KAFKA_LIBS + "/*'";
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# written by brokerwatch's TestcontainersKafkaCluster for ").append(name()).append(" of ")
                .append(clusterName).append("\n");
        s.append("set -e\n");
        s.append("JAVA=java\n");
        s.append("if [ -n \"$JAVA_HOME\" ] && [ -x \"$JAVA_HOME/bin/java\" ]; then JAVA=\"$JAVA_HOME/bin/java\"; fi\n");
        s.append("cd ").append(nodeDir).append("\n");
        s.append("if [ ! -f data/meta.properties ]; then\n");
        s.append("  echo \"brokerwatch: formatting the storage of ").append(name()).append("\"\n");
        s.append("  if ! \"$JAVA\" -Xmx256m ").append(quote(loggingOption())).append(" -cp ").append(cp).append(' ')
                .append(KafkaDistribution.STORAGE_TOOL_CLASS).append(" format --cluster-id ").append(clusterId())
                .append(" --config ").append(nodeDir).append("/server.properties > format.log 2>&1; then\n");
        s.append("    cat format.log; exit 1\n");
        s.append("  fi\n");
        s.append("fi\n");
        s.append("echo \"brokerwatch: starting ").append(name()).append(" (Kafka ").append(version()).append(")\"\n");
        s.append("exec \"$JAVA\"");
        for (String arg : jvmArguments()) {
            s.append(' ').append(quote(arg));
        }
        s.append(" -cp ").append(cp).append(' ').append(KafkaDistribution.SERVER_MAIN_CLASS).append(' ')
                .append(nodeDir).append("/server.properties\n");
        return s.toString();
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    @SuppressWarnings({"resource", "deprecation"})
    private GenericContainer<?> newContainer() {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image.name()));
        c.withNetworkMode("host");
        c.withFileSystemBind(dir().toAbsolutePath().toString(), TestcontainersKafkaCluster.NODE_DIR, BindMode.READ_WRITE);
        if (image.local()) {
            c.withFileSystemBind(kafkaLibs.toAbsolutePath().toString(),
                    TestcontainersKafkaCluster.KAFKA_LIBS, BindMode.READ_ONLY);
        } else {
            c.withImagePullPolicy(PullPolicy.defaultPolicy()); // the official image may be pulled
        }
        if (classDataArchive != null) {
            c.withFileSystemBind(classDataArchive.toAbsolutePath().toString(), ContainerClassDataArchive.MOUNT,
                    BindMode.READ_ONLY);
        }
        for (Path hostDir : hostDirs()) {
            c.withFileSystemBind(hostDir.toString(), hostDir.toString(), BindMode.READ_WRITE); // the same path inside
        }
        for (Map.Entry<String, ContainerAgent> a : agents.entrySet()) {
            c.withFileSystemBind(a.getValue().hostJar().toString(), ContainerAgent.containerJar(a.getKey()),
                    BindMode.READ_ONLY);
        }
        c.withLabel("dev.brokerwatch.test", clusterName);
        c.withLabel("dev.brokerwatch.cluster-id", clusterId());
        c.withLabel("dev.brokerwatch.node", Integer.toString(id()));
        String containerName = ("bw-" + clusterName + "-" + name() + "-" + clusterId().substring(0, 8) + "-" + starts())
                .replaceAll("[^a-zA-Z0-9_.-]", "-");
        String user = DockerEngine.hostUser();
        c.withCreateContainerCmdModifier(cmd -> {
            cmd.withName(containerName);
            cmd.withEntrypoint("/bin/sh", TestcontainersKafkaCluster.NODE_DIR + "/entrypoint.sh");
            cmd.withCmd(List.of());
            if (user != null) {
                cmd.withUser(user); // files in target/ stay the caller's
            }
        });
        c.withLogConsumer(this::toConsole);
        c.waitingFor(new StartedLineWaitStrategy(STARTED_LINE).withStartupTimeout(startupTimeout()));
        return c;
    }

    private synchronized void toConsole(OutputFrame frame) {
        Writer w = console;
        if (w == null || frame.getBytes() == null) {
            return;
        }
        try {
            w.write(frame.getUtf8String());
            w.flush();
        } catch (IOException e) {
            // the log is for reading after the test; losing a line must not fail it
        }
    }

    /**
     * Starts a new container for this node on its existing data and waits until it logged
     * {@value #STARTED_LINE}. On failure the container is removed and the end of its output is in the message.
     */
    public void start() {
        GenericContainer<?> c;
        synchronized (this) {
            if (container != null) {
                throw new IllegalStateException(name() + " is already running in container " + containerId().orElse("?"));
            }
            writeConfig();
            try {
                Path entry = dir().resolve("entrypoint.sh");
                Files.writeString(entry, entrypoint(), StandardCharsets.UTF_8);
                entry.toFile().setExecutable(true, false);
                console = Files.newBufferedWriter(consoleLog(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                console.write("==== " + Instant.now() + " start " + (starts() + 1) + " of " + name() + " on image "
                        + image.name() + "\n");
                console.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + name() + " in " + dir(), e);
            }
            countStart();
            c = newContainer();
            container = c;
        }
        try {
            c.start(); // outside the lock: the nodes of a quorum start together
            synchronized (this) {
                containerIds.add(c.getContainerId());
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                if (c.getContainerId() != null && !containerIds.contains(c.getContainerId())) {
                    containerIds.add(c.getContainerId());
                }
                removeContainer();
            }
            throw new IllegalStateException(name() + " did not start (no '" + STARTED_LINE + "' within "
                    + startupTimeout() + "): " + e.getMessage() + "\n" + diagnostics(), e);
        }
    }

    /** A new container on the node's data; it waits for its start itself, up to the cluster's startup timeout. */
    @Override
    public void startAndAwait(Duration timeout) {
        start();
    }

    /** {@code docker stop}: SIGTERM (controlled shutdown), {@code stopTimeout} later SIGKILL; then removed. */
    @Override
    public void stop() {
        stop(stopTimeout());
    }

    @Override
    public synchronized void stop(Duration gracePeriod) {
        if (container == null) {
            return;
        }
        String cid = container.getContainerId();
        if (cid != null) {
            try {
                unpauseIfPaused(cid);
                client().stopContainerCmd(cid).withTimeout((int) Math.max(1, gracePeriod.toSeconds())).exec();
            } catch (NotModifiedException | NotFoundException e) {
                // already stopped or gone
            }
        }
        removeContainer();
    }

    /** {@code docker kill}: SIGKILL, a crash; then removed. */
    @Override
    public synchronized void kill() {
        if (container == null) {
            return;
        }
        String cid = container.getContainerId();
        if (cid != null) {
            try {
                unpauseIfPaused(cid);
                client().killContainerCmd(cid).withSignal("KILL").exec();
            } catch (NotModifiedException | NotFoundException | com.github.dockerjava.api.exception.ConflictException e) {
                // not running any more
            }
        }
        removeContainer();
    }

    /**
     * {@code docker pause}: the JVM is frozen with its sockets open. runc gives up freezing a cgroup v1 freezer
     * whose tasks stay in FREEZING (threads in uninterruptible I/O on a loaded host), answers "unable to
     * freeze" and thaws it again; like {@code docker pause} run by hand, that is tried again, a bounded number
     * of times.
     */
    @Override
    public synchronized void pause() {
        String cid = requireContainerId();
        InternalServerErrorException last = null;
        for (int attempt = 1; attempt <= PAUSE_ATTEMPTS; attempt++) {
            try {
                client().pauseContainerCmd(cid).exec();
                return;
            } catch (InternalServerErrorException e) {
                if (e.getMessage() == null || !e.getMessage().contains("unable to freeze")) {
                    throw e;
                }
                last = e;
                System.err.printf("%s: docker pause attempt %d of %d: %s%n", name(), attempt, PAUSE_ATTEMPTS,
                        e.getMessage().strip());
                ClusterNode.sleep(1_000L * attempt);
            }
        }
        throw new IllegalStateException(name() + ": docker pause did not freeze container " + cid + " in "
                + PAUSE_ATTEMPTS + " attempts (runc: unable to freeze; is the host swapping or its disk stalled?)",
                last);
    }

    /** {@code docker unpause} after {@link #pause()}. */
    @Override
    public synchronized void resume() {
        client().unpauseContainerCmd(requireContainerId()).exec();
    }

    private void unpauseIfPaused(String cid) {
        try {
            if (Boolean.TRUE.equals(client().inspectContainerCmd(cid).exec().getState().getPaused())) {
                client().unpauseContainerCmd(cid).exec();
            }
        } catch (NotFoundException e) {
            // gone
        }
    }

    private String requireContainerId() {
        if (container == null || container.getContainerId() == null) {
            throw new IllegalStateException(name() + " is not running");
        }
        return container.getContainerId();
    }

    private InspectContainerResponse inspect() {
        return client().inspectContainerCmd(container.getContainerId()).exec();
    }

    /** Records the exit code, removes the container (Testcontainers' stop: kill if still running, remove). */
    private void removeContainer() {
        GenericContainer<?> c = container;
        container = null;
        if (c == null) {
            return;
        }
        try {
            if (c.getContainerId() != null) {
                try {
                    Long code = client().inspectContainerCmd(c.getContainerId()).exec().getState().getExitCodeLong();
                    lastExitCode = code;
                } catch (NotFoundException e) {
                    // gone already
                }
            }
            c.stop();
        } finally {
            Writer w = console;
            console = null;
            if (w != null) {
                try {
                    w.write("==== " + Instant.now() + " " + name() + " stopped (exit code " + lastExitCode + ")\n");
                    w.close();
                } catch (IOException e) {
                    // nothing to do
                }
            }
        }
    }

    /** The end of the node's console.log and format.log, for failure messages. */
    @Override
    public String diagnostics() {
        StringBuilder s = new StringBuilder();
        s.append("--- ").append(consoleLog()).append(" (tail)\n").append(ManagedProcess.tailOf(consoleLog(), 40));
        Path format = dir().resolve("format.log");
        if (Files.exists(format)) {
            s.append("\n--- ").append(format).append(" (tail)\n").append(ManagedProcess.tailOf(format, 10));
        }
        return s.toString();
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    @Override
    public synchronized String toString() {
        return name() + roles() + (container != null ? " container " + containerId().orElse("?") : " not running");
    }
}
