package dev.brokerwatch.harness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A program the harness runs (Prometheus, Alertmanager, promtool): {@code -D<property>} when it is set, else the
 * first of its names found on the PATH. A missing program is an {@link AssertionError} that says how to get it,
 * never a skipped test.
 */
public final class ToolBinary {
    private ToolBinary() {}

    /**
     * @param property the system property that names the binary, e.g. {@code brokerwatch.prometheus.bin}
     * @param install  how to install it, for the error, e.g. "Debian's prometheus package"
     * @param names    its names on the PATH, in order of preference
     */
    public static Path find(String property, String install, String... names) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!Files.isExecutable(bin)) {
                throw new AssertionError(names[0] + " not found: -D" + property + "=" + configured
                        + " is missing or not executable");
            }
            return bin;
        }
        return onPath(names).orElseThrow(() -> new AssertionError(names[0] + " not found: none of "
                + String.join(", ", names) + " is on the PATH (" + System.getenv().getOrDefault("PATH", "")
                + "): install " + install + " (in the brokerwatch repository: scripts/install-test-deps.sh, as root)"
                + " or set -D" + property));
    }

    /** The first of {@code names} that is an executable file in a directory of the PATH, in the PATH's order. */
    public static Optional<Path> onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path bin = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(bin) && !Files.isDirectory(bin)) {
                    return Optional.of(bin);
                }
            }
        }
        return Optional.empty();
    }
}
