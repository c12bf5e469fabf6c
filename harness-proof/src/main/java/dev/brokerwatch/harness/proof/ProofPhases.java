package dev.brokerwatch.harness.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import dev.brokerwatch.harness.HarnessPaths;

/**
 * Where a live scenario's time goes: one line per phase (start, settle, fire, deliver, resolve) appended to
 * {@code tests/target/proof-phases.tsv} as the phase ends, {@code test class, scenario, phase, seconds}.
 * {@code scripts/test-timings.sh} sums it per phase after a run: most of the suite's wall time is waiting, and
 * this says for what. Several scenarios of one JVM run at once, so lines are appended under one lock; the
 * first line a JVM records wipes an earlier run's file unless {@code -Dbrokerwatch.proof.append=true}, as the
 * proof's report does.
 */
public final class ProofPhases {
    private static final Object LOCK = new Object();
    private static boolean wiped;

    private ProofPhases() {}

    public static Path file() {
        return HarnessPaths.targetDir().resolve("proof-phases.tsv");
    }

    /** Records that {@code phase} of {@code scenario} took from {@code startNanos} until now, and prints it. */
    public static void record(String testName, String scenario, String phase, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String line = String.format(Locale.ROOT, "%s\t%s\t%s\t%.1f%n", testName, scenario, phase, seconds);
        System.out.print("[phase] " + line.replace('\t', ' '));
        synchronized (LOCK) {
            try {
                Files.createDirectories(file().getParent());
                if (!wiped && !Boolean.getBoolean("brokerwatch.proof.append")) {
                    Files.deleteIfExists(file());
                }
                wiped = true;
                Files.writeString(file(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file(), e);
            }
        }
    }
}
