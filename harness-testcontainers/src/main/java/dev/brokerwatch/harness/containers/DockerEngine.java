package dev.brokerwatch.harness.containers;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.exception.NotFoundException;

import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.ManagedProcess;

/**
 * The Docker engine the Testcontainers tests talk to, and the local images they need.
 *
 * <p>By default that is the engine of {@code scripts/docker-engine.sh} (its own socket
 * {@value #DEFAULT_SOCKET}, no bridge network, images never pulled); {@code DOCKER_HOST} names another one.
 * {@link #require()} checks that the engine answers and, when it is the project's own engine and the test
 * JVM runs as root, starts it with {@code scripts/docker-engine.sh start} (and stops it again when the JVM
 * exits); otherwise it fails with what to run. A test that needs Docker never skips.
 */
public final class DockerEngine {
    public static final String DEFAULT_SOCKET = "/run/brokerwatch-docker/docker.sock";
    /** The local JRE image of {@code tests/docker/build-jre-image.sh}. */
    public static final String LOCAL_JRE_IMAGE = "brokerwatch/jre17:bookworm-1";
    /**
     * A JUnit resource lock for test classes that start container clusters: one such class at a time, next to
     * the other live classes. Two container clusters starting together with a local one starved a KRaft
     * quorum on a 2-core host (elections every 2 s fetch timeout, no node started within two minutes).
     */
    public static final String CLUSTERS_LOCK = "brokerwatch.docker-engine.clusters";

    private static boolean checked;
    private static boolean startedHere;

    private DockerEngine() {}

    /** {@code DOCKER_HOST}, else the socket of {@code scripts/docker-engine.sh}. */
    public static String dockerHost() {
        String env = System.getenv("DOCKER_HOST");
        return env != null && !env.isBlank() ? env : "unix://" + DEFAULT_SOCKET;
    }

    /**
     * {@code scripts/docker-engine.sh} of the brokerwatch checkout the tests run in; outside it, a path that does not
     * exist (the engine is then the one {@code DOCKER_HOST} names, started by whoever runs the tests).
     */
    public static Path engineScript() {
        return HarnessPaths.checkoutTestsDir()
                .map(tests -> tests.toAbsolutePath().getParent().resolve("scripts").resolve("docker-engine.sh"))
                .orElse(HarnessPaths.targetDir().resolve("no-brokerwatch-checkout").resolve("docker-engine.sh"));
    }

    /**
     * Makes sure the engine answers (starting the project's own engine if it may), else fails with an
     * {@link AssertionError} that says how to start it.
     */
    public static synchronized void require() {
        if (checked) {
            return;
        }
        String host = dockerHost();
        if (!host.startsWith("unix://")) {
            // a CI's own engine over TCP: Testcontainers itself says whether it answers
            requireTestcontainersClient(host);
            checked = true;
            return;
        }
        Path socket = Path.of(host.substring("unix://".length()));
        if (!ping(socket)) {
            if (mayStartOwnEngine(socket)) {
                startOwnEngine();
            }
            if (!ping(socket)) {
                throw new AssertionError("the Docker engine at " + host + " does not answer. The Testcontainers"
                        + " tests need one: as root run `scripts/install-test-deps.sh --docker` and"
                        + " `scripts/docker-engine.sh start` (or set DOCKER_HOST to a running engine)."
                        + (startedHere ? "" : " " + whyNotStarted(socket)));
            }
        }
        requireTestcontainersClient(host);
        checked = true;
    }

    private static void requireTestcontainersClient(String host) {
        try {
            DockerClientFactory.instance().client().pingCmd().exec();
        } catch (RuntimeException e) {
            AssertionError failure = new AssertionError("Testcontainers cannot use the Docker engine at " + host
                    + ": " + e.getMessage() + " (see docs/testcontainers.md for the settings it needs)");
            failure.initCause(e);
            throw failure;
        }
    }

    private static boolean mayStartOwnEngine(Path socket) {
        return socket.equals(Path.of(DEFAULT_SOCKET)) && isRoot() && Files.isExecutable(engineScript())
                && !"false".equalsIgnoreCase(System.getProperty("brokerwatch.docker.autostart", "true"));
    }

    private static String whyNotStarted(Path socket) {
        if (!socket.equals(Path.of(DEFAULT_SOCKET))) {
            return "(not started here: DOCKER_HOST names another engine)";
        }
        if (!isRoot()) {
            return "(not started here: the test JVM does not run as root)";
        }
        if (!Files.isExecutable(engineScript())) {
            return "(not started here: " + engineScript() + " is missing)";
        }
        return "(not started here: -Dbrokerwatch.docker.autostart=false)";
    }

    private static void startOwnEngine() {
        Path log = HarnessPaths.targetDir().resolve("docker-engine.log");
        ManagedProcess.Result r = run(List.of(engineScript().toString(), "start"), log, Duration.ofSeconds(120));
        if (!r.succeeded()) {
            throw new AssertionError("`scripts/docker-engine.sh start` failed (exit " + r.exitCode() + "); is docker.io"
                    + " installed (`scripts/install-test-deps.sh --docker`)?\n" + r.output());
        }
        startedHere = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(List.of(engineScript().toString(), "stop"),
                HarnessPaths.targetDir().resolve("docker-engine-stop.log"), Duration.ofSeconds(90)),
                "brokerwatch-docker-engine-stop"));
    }

    /**
     * Makes sure a local image exists: the project's JRE image is built ({@code scripts/docker-engine.sh image},
     * about a minute, cached in the engine's data root) when it is missing and this JVM may; any other missing
     * image fails, since nothing is ever pulled on this route.
     */
    public static synchronized void requireLocalImage(String image) {
        require();
        if (imageExists(image)) {
            return;
        }
        if (image.startsWith("brokerwatch/jre17:") && isRoot() && Files.isExecutable(engineScript())
                && dockerHost().equals("unix://" + DEFAULT_SOCKET)) {
            Path log = HarnessPaths.targetDir().resolve("jre-image-build.log");
            ManagedProcess.Result r = run(List.of(engineScript().toString(), "image", image), log,
                    Duration.ofMinutes(20));
            if (!r.succeeded() || !imageExists(image)) {
                throw new AssertionError("building the local image " + image + " failed (exit " + r.exitCode()
                        + "), see " + log + ":\n" + ManagedProcess.tailOf(log, 30));
            }
            return;
        }
        throw new AssertionError("the local image " + image + " is missing and is never pulled: build it with"
                + " `scripts/docker-engine.sh image " + image + "` (as root), see docs/testcontainers.md");
    }

    public static boolean imageExists(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** True if the engine behind a unix socket answers {@code GET /_ping} with 200 within 5 s. */
    static boolean ping(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        SocketChannel[] holder = new SocketChannel[1];
        Thread t = new Thread(() -> {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                holder[0] = ch;
                ch.connect(UnixDomainSocketAddress.of(socket));
                ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer buf = ByteBuffer.allocate(512);
                while (buf.hasRemaining() && ch.read(buf) > 0) {
                    // read the status line and a little more
                }
                String head = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
                answer.complete(head.startsWith("HTTP/1.") && head.contains(" 200 "));
            } catch (IOException | RuntimeException e) {
                answer.complete(false);
            }
        }, "brokerwatch-docker-ping");
        t.setDaemon(true);
        t.start();
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            try {
                if (holder[0] != null) {
                    holder[0].close();
                }
            } catch (IOException ignored) {
                // gone anyway
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@code uid:gid} of the test JVM, for the containers' user (so files in target/ stay the caller's). */
    static String hostUser() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            Object gid = Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            return uid + ":" + gid;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ManagedProcess.Result run(List<String> cmd, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + log.getParent(), e);
        }
        return ManagedProcess.run("docker-engine", cmd, engineScript().getParent().getParent(), log, timeout);
    }
}
