package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process that the test owns: started with {@link ProcessBuilder}, stdout and stderr appended to
 * one log file, and stopped by its pid.
 *
 * <p>{@link #stop()} sends SIGTERM and waits (bounded) for the process to exit, then SIGKILLs it.
 * {@link #kill()} sends SIGKILL at once (fault injection), {@link #pause()}/{@link #resume()} send
 * SIGSTOP/SIGCONT (a hung process). Every process still alive when the JVM exits, also when the test JVM
 * is interrupted, is stopped by a shutdown hook; every wait here is bounded.
 */
public final class ManagedProcess implements AutoCloseable {
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(15);
    private static final Duration SHUTDOWN_HOOK_GRACE = Duration.ofSeconds(5);

    private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcess::stopAllOnJvmExit,
                "brokerwatch-managed-process-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Duration stopTimeout;
    private final Process process;
    private final ProcessHandle handle;
    private final Instant startedAt;
    private volatile boolean paused;

    private ManagedProcess(Builder b) {
        this.name = b.name;
        this.command = List.copyOf(b.command);
        this.logFile = b.logFile;
        this.stopTimeout = b.stopTimeout;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            // the command line first, so that a log names what produced it; output() leaves it out
            Files.writeString(logFile, header(), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (b.workDir != null) {
                pb.directory(b.workDir.toFile());
            }
            pb.environment().putAll(b.environment);
            this.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + b.name + ": " + String.join(" ", b.command), e);
        }
        this.handle = process.toHandle();
        this.startedAt = Instant.now();
        LIVE.add(this);
    }

    public static Builder builder(String name, List<String> command) {
        return new Builder(name, command);
    }

    /**
     * Runs a short command to its end (bounded): the StorageTool, promtool, a nested Maven build.
     * On timeout the process is killed and an {@link IllegalStateException} names the command and shows
     * the tail of its output.
     */
    public static Result run(String name, List<String> command, Path workDir, Path logFile, Duration timeout) {
        try (ManagedProcess p = builder(name, command).workDir(workDir).logFile(logFile).start()) {
            int exit = p.awaitExit(timeout);
            return new Result(exit, p.output());
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public List<String> command() {
        return command;
    }

    public Path logFile() {
        return logFile;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public boolean isPaused() {
        return paused;
    }

    /** The exit code, or empty while the process runs. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Waits for the process to end by itself and returns its exit code.
     *
     * @throws IllegalStateException if it is still running after {@code timeout} (it is then killed)
     */
    public int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LIVE.remove(this);
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        kill();
        throw new IllegalStateException(name + " (pid " + pid() + ") did not finish within " + timeout
                + "; killed it. Last output:\n" + tail(30));
    }

    /**
     * SIGTERM, wait up to the stop timeout, then SIGKILL. Returns the exit code. Idempotent.
     *
     * @throws IllegalStateException if the process survives SIGKILL for 15 s
     */
    public int stop() {
        return stop(stopTimeout);
    }

    /** As {@link #stop()}, with another grace period between SIGTERM and SIGKILL. */
    public int stop(Duration gracePeriod) {
        if (handle.isAlive()) {
            if (paused) {
                resume(); // a stopped process does not act on SIGTERM until it continues
            }
            handle.destroy(); // SIGTERM on Unix
            if (!waitForExit(gracePeriod)) {
                forceKill();
            }
        }
        LIVE.remove(this);
        return process.exitValue();
    }

    /** SIGKILL (and the children's), then wait (bounded) until the process is gone. */
    public int kill() {
        if (handle.isAlive()) {
            forceKill();
        }
        LIVE.remove(this);
        paused = false;
        return process.exitValue();
    }

    private void forceKill() {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        if (!waitForExit(KILL_WAIT)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for " + KILL_WAIT);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // the Process object reaps the exit status; wait for it as well (bounded)
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /** SIGSTOP: the process freezes (a hung broker) but keeps its sockets open. */
    public void pause() {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
        paused = false;
    }

    private void signal(String signal) {
        if (!handle.isAlive()) {
            throw new IllegalStateException(name + " (pid " + pid() + ") is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + pid() + " did not return in 10 s");
            }
            if (kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    private String header() {
        return "# " + String.join(" ", command) + System.lineSeparator();
    }

    /** All output so far (without the command line that heads the log file). */
    public String output() {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            String all = Files.readString(logFile, StandardCharsets.UTF_8);
            return all.startsWith(header()) ? all.substring(header().length()) : all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of the output, for failure messages. */
    public String tail(int lines) {
        return tailOf(logFile, lines);
    }

    /** The last {@code lines} lines of any text file, or a note when it cannot be read. */
    public static String tailOf(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no file " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + "(pid " + pid() + (isAlive() ? ", running" : ", exited") + ")";
    }

    private static void stopAllOnJvmExit() {
        List<ManagedProcess> live = new ArrayList<>(LIVE);
        for (ManagedProcess p : live) {
            if (p.handle.isAlive()) {
                if (p.paused) {
                    try {
                        p.signal("CONT");
                    } catch (RuntimeException ignored) {
                        // SIGKILL below still works on a stopped process
                    }
                }
                p.handle.destroy();
            }
        }
        long deadline = System.nanoTime() + SHUTDOWN_HOOK_GRACE.toNanos();
        for (ManagedProcess p : live) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception ignored) {
                // fall through to SIGKILL
            }
            if (p.handle.isAlive()) {
                p.handle.descendants().forEach(ProcessHandle::destroyForcibly);
                p.handle.destroyForcibly();
            }
        }
    }

    /** Exit code and output of a command run to its end. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    public static final class Builder {
        private final String name;
        private final List<String> command;
        private Path workDir;
        private Path logFile;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;

        private Builder(String name, List<String> command) {
            this.name = Objects.requireNonNull(name, "name");
            if (command == null || command.isEmpty()) {
                throw new IllegalArgumentException("empty command for " + name);
            }
            this.command = List.copyOf(command);
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Where stdout and stderr go (required). */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /** How long {@link #stop()} waits after SIGTERM before SIGKILL. */
        public Builder stopTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("stop timeout must be positive: " + timeout);
            }
            this.stopTimeout = timeout;
            return this;
        }

        public ManagedProcess start() {
            Objects.requireNonNull(logFile, "logFile");
            return new ManagedProcess(this);
        }
    }
}
