package dev.brokerwatch.tests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A memory cgroup (v1 memory controller, or v2) below the test JVM's own, for one broker JVM: a container's
 * memory limit without a container. {@link #wrapper()} is a command prefix that moves the process into it
 * before it execs java; {@link #close()} removes the (then empty) cgroup.
 */
final class MemoryCgroup implements AutoCloseable {
    private static final long UNLIMITED_V1 = -1;
    private final Path dir;
    private final boolean v2;

    private MemoryCgroup(Path dir, boolean v2) {
        this.dir = dir;
        this.v2 = v2;
    }

    static MemoryCgroup create(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8)) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && List.of(parts[1].split(",")).contains("memory")) {
                    Path parent = Path.of("/sys/fs/cgroup/memory" + parts[2]);
                    return make(parent.resolve(name), false);
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8)) {
                if (line.startsWith("0::")) {
                    return make(Path.of("/sys/fs/cgroup" + line.substring(3)).resolve(name), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/cgroup", e);
        }
        throw new IllegalStateException("no memory cgroup found in /proc/self/cgroup");
    }

    private static MemoryCgroup make(Path dir, boolean v2) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the memory cgroup " + dir + " (needs root and a writable "
                    + "cgroup file system)", e);
        }
        return new MemoryCgroup(dir, v2);
    }

    Path dir() {
        return dir;
    }

    /** {@code sh -c 'echo $$ > <dir>/cgroup.procs && exec "$@"' sh}: the java command follows. */
    List<String> wrapper() {
        return List.of("/bin/sh", "-c", "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"", "sh");
    }

    void limit(long bytes) {
        write(v2 ? "memory.max" : "memory.limit_in_bytes", Long.toString(bytes));
    }

    void unlimited() {
        write(v2 ? "memory.max" : "memory.limit_in_bytes", v2 ? "max" : Long.toString(UNLIMITED_V1));
    }

    /** Resident anonymous memory of the processes in the cgroup (v1 memory.stat rss, v2 anon). */
    long rss() {
        try {
            String key = v2 ? "anon" : "rss";
            for (String line : Files.readAllLines(dir.resolve("memory.stat"))) {
                String[] kv = line.split(" ");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no rss in " + dir.resolve("memory.stat"));
    }

    private void write(String file, String value) {
        try {
            Files.writeString(dir.resolve(file), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value + " to " + dir.resolve(file), e);
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
