package dev.brokerwatch.harness.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A cgroup below the test JVM's own in one controller's hierarchy (v1), or in the unified one (v2), for one
 * broker JVM: what a container's limits are made of, without a container. {@link #wrapper()} is a command
 * prefix that moves the process into it before it execs java; {@link #close()} removes the (then empty) cgroup.
 */
public final class Cgroup implements AutoCloseable {
    private final Path dir;
    private final boolean v2;

    private Cgroup(Path dir, boolean v2) {
        this.dir = dir;
        this.v2 = v2;
    }

    /** A new cgroup {@code name} for {@code controller} ("memory", "cpu"), v1 if that controller is mounted so. */
    public static Cgroup create(String controller, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                    Path base = Path.of("/sys/fs/cgroup", controller);
                    if (!Files.isDirectory(base)) {
                        base = Path.of("/sys/fs/cgroup", parts[1]); // e.g. cpu,cpuacct mounted together
                    }
                    return make(base.resolve(parts[2].substring(1)).resolve(name), false);
                }
            }
            for (String line : lines) {
                if (line.startsWith("0::")) {
                    return make(Path.of("/sys/fs/cgroup" + line.substring(3)).resolve(name), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/cgroup", e);
        }
        throw new IllegalStateException("no " + controller + " cgroup found in /proc/self/cgroup");
    }

    private static Cgroup make(Path dir, boolean v2) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the cgroup " + dir + " (needs root and a writable "
                    + "cgroup file system)", e);
        }
        return new Cgroup(dir, v2);
    }

    public boolean v2() {
        return v2;
    }

    /** {@code sh -c 'echo $$ > <dir>/cgroup.procs && exec "$@"' sh}: the java command follows. */
    public List<String> wrapper() {
        return List.of("/bin/sh", "-c", "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"", "sh");
    }

    public void write(String file, String value) {
        try {
            Files.writeString(dir.resolve(file), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value + " to " + dir.resolve(file), e);
        }
    }

    public List<String> read(String file) {
        try {
            return Files.readAllLines(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir); // rmdir of an empty cgroup
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the cgroup " + dir + " (a process still in it?)", e);
        }
    }
}
