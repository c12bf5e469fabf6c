package dev.brokerwatch.harness.proof;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads every class of a package directory at once. A proof run takes many minutes; when another build
 * recompiles the same module meanwhile (its {@code target/classes} is rewritten), a class the test JVM has
 * not loaded yet would be missing. Loading them up front makes the run independent of that.
 */
public final class Preload {
    private static final Set<String> DONE = new HashSet<>();

    private Preload() {}

    /** Loads every class in the directory (and below) of {@code anchor}'s package, once per package. */
    public static synchronized void packageOf(Class<?> anchor) {
        String pkg = anchor.getPackageName();
        if (!DONE.add(pkg)) {
            return;
        }
        Path root;
        try {
            var src = anchor.getProtectionDomain().getCodeSource();
            if (src == null) {
                return;
            }
            root = Path.of(src.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isDirectory(root)) {
            return; // a jar: its classes stay readable
        }
        Path dir = root.resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String rel = root.relativize(f).toString();
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(name, false, anchor.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // best effort
                }
            }
        } catch (IOException e) {
            // best effort
        }
    }
}
