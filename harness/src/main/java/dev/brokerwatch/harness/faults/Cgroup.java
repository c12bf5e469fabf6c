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
 * {@link #ofProcess} is the cgroup another process already runs in: a container's.
 */
public final class Cgroup implements AutoCloseable {
    private final Path dir;
    private final boolean v2;
    private final boolean owned;

    private Cgroup(Path dir, boolean v2, boolean owned) {
        this.dir = dir;
        this.v2 = v2;
        this.owned = owned;
    }

    /** A new cgroup {@code name} for {@code controller} ("memory", "cpu"), v1 if that controller is mounted so. */
    public static Cgroup create(String controller, String name) {
        Cgroup own = of(Path.of("/proc/self/cgroup"), controller);
        return make(own.dir.resolve(name), own.v2);
    }

    /**
     * The cgroup another process is in, for {@code controller}: a container's own, say (this machine's view, so
     * the caller needs the host's cgroup namespace). {@link #close()} leaves it alone: its owner removes it.
     */
    public static Cgroup ofProcess(long pid, String controller) {
        return of(Path.of("/proc", Long.toString(pid), "cgroup"), controller);
    }

    private static Cgroup of(Path membership, String controller) {
        try {
            List<String> lines = Files.readAllLines(membership, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                    Path base = Path.of("/sys/fs/cgroup", controller);
                    if (!Files.isDirectory(base)) {
                        base = Path.of("/sys/fs/cgroup", parts[1]); // e.g. cpu,cpuacct mounted together
                    }
                    return new Cgroup(base.resolve(parts[2].substring(1)), false, false);
                }
            }
            for (String line : lines) {
                if (line.startsWith("0::")) {
                    return new Cgroup(Path.of("/sys/fs/cgroup" + line.substring(3)), true, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + membership, e);
        }
        throw new IllegalStateException("no " + controller + " cgroup found in " + membership);
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
        return new Cgroup(dir, v2, true);
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

    /** Removes a cgroup {@link #create} made; one of {@link #ofProcess} is left as it is. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            Files.deleteIfExists(dir); // rmdir of an empty cgroup
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the cgroup " + dir + " (a process still in it?)", e);
        }
    }
}
