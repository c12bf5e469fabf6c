package dev.brokerwatch.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code promtool} (on the PATH, e.g. from Debian's package {@code prometheus}; another binary with
 * {@code -Dbrokerwatch.promtool.bin}). A missing binary is an {@link AssertionError} that says how to
 * install it, never a skipped test.
 */
public final class Promtool {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private Promtool() {}

    /** The binary ({@code -Dbrokerwatch.promtool.bin}, else on the PATH), or an {@link AssertionError} that says how to install it. */
    public static Path binary() {
        return ToolBinary.find("brokerwatch.promtool.bin", "Debian's prometheus package", "promtool");
    }

    /** {@code promtool check rules <files>}: exit 0 when every file is valid. */
    public static ManagedProcess.Result checkRules(Path... ruleFiles) {
        return run("check", "rules", ruleFiles);
    }

    /** {@code promtool test rules <files>}: runs rule unit-test files. */
    public static ManagedProcess.Result testRules(Path... testFiles) {
        return run("test", "rules", testFiles);
    }

    /** {@code promtool check config <file>}. */
    public static ManagedProcess.Result checkConfig(Path configFile) {
        return run("check", "config", configFile);
    }

    private static ManagedProcess.Result run(String verb, String what, Path... files) {
        if (files.length == 0) {
            throw new IllegalArgumentException("promtool " + verb + " " + what + ": no files given");
        }
        List<String> args = new ArrayList<>(List.of(verb, what));
        for (Path f : files) {
            args.add(f.toAbsolutePath().toString());
        }
        return run(args);
    }

    /** Any promtool command line; output (stdout and stderr) is also kept in {@code tests/target/promtool/}. */
    public static ManagedProcess.Result run(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(args);
        Path log = HarnessPaths.targetDir().resolve("promtool")
                .resolve("promtool-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet() + ".log");
        return ManagedProcess.run("promtool", cmd, null, log, TIMEOUT);
    }
}
