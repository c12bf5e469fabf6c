package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Where the harness finds its inputs and writes its outputs.
 *
 * <p>Under Maven (failsafe) the locations come from system properties set in {@code tests/pom.xml}; run
 * elsewhere (an IDE) they are worked out from the working directory, which is either the repository
 * root or {@code tests/}.
 *
 * <ul>
 *   <li>{@code brokerwatch.tests.basedir}: the tests module ({@code tests/})</li>
 *   <li>{@code brokerwatch.tests.target}: its build directory ({@code tests/target})</li>
 * </ul>
 */
public final class HarnessPaths {
    private HarnessPaths() {}

    /** This repository's tests module directory, which holds {@code live-proof.sh}; fails outside the checkout. */
    public static Path testsBaseDir() {
        return checkoutTestsDir().orElseThrow(() -> new IllegalStateException("cannot find the tests module from "
                + Path.of("").toAbsolutePath() + ": run from the repository root or tests/, or set -Dbrokerwatch.tests.basedir"));
    }

    /**
     * This repository's tests module when the harness runs inside the brokerwatch checkout ({@code
     * -Dbrokerwatch.tests.basedir}, else the working directory or its {@code tests/}); empty in a user's build.
     */
    public static Optional<Path> checkoutTestsDir() {
        String prop = System.getProperty("brokerwatch.tests.basedir");
        if (prop != null && !prop.isBlank()) {
            return Optional.of(Path.of(prop).toAbsolutePath().normalize());
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve("live-proof.sh"))) {
            return Optional.of(cwd);
        }
        if (Files.isRegularFile(cwd.resolve("tests/live-proof.sh"))) {
            return Optional.of(cwd.resolve("tests"));
        }
        return Optional.empty();
    }

    /**
     * Where the harness writes (process logs and data, Kafka's jars, compiled packs): {@code
     * -Dbrokerwatch.tests.target}, else this repository's {@code tests/target} when run inside it, else
     * {@code target/} of the working directory (a user's module under Maven).
     */
    public static Path targetDir() {
        String prop = System.getProperty("brokerwatch.tests.target");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        return checkoutTestsDir().map(d -> d.resolve("target")).orElse(Path.of("target").toAbsolutePath());
    }

    /** {@code tests/target/live/<name>}: logs and data of one test's processes. Not created here. */
    public static Path liveDir(String testName) {
        if (testName == null || testName.isBlank() || testName.contains("/") || testName.contains("..")) {
            throw new IllegalArgumentException("bad test name for a directory: '" + testName + "'");
        }
        return targetDir().resolve("live").resolve(testName);
    }

    /** Deletes a directory tree if it exists, then creates it empty. */
    public static Path freshDir(Path dir) {
        deleteRecursively(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
