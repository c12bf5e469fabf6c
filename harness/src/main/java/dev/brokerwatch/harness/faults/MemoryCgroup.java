package dev.brokerwatch.harness.faults;

import java.util.List;

/**
 * The memory cgroup of one broker JVM: a new one for a local JVM (a container's memory limit without a
 * container), or a container's own ({@link #ofProcess}).
 */
public final class MemoryCgroup implements AutoCloseable {
    private static final long UNLIMITED_V1 = -1;
    private final Cgroup cgroup;

    private MemoryCgroup(Cgroup cgroup) {
        this.cgroup = cgroup;
    }

    public static MemoryCgroup create(String name) {
        return new MemoryCgroup(Cgroup.create("memory", name));
    }

    /** The memory cgroup process {@code pid} runs in (a container's, for its first process); closing leaves it. */
    public static MemoryCgroup ofProcess(long pid) {
        return new MemoryCgroup(Cgroup.ofProcess(pid, "memory"));
    }

    /** The command prefix that starts the broker inside the cgroup. */
    public List<String> wrapper() {
        return cgroup.wrapper();
    }

    public void limit(long bytes) {
        cgroup.write(cgroup.v2() ? "memory.max" : "memory.limit_in_bytes", Long.toString(bytes));
    }

    public void unlimited() {
        cgroup.write(cgroup.v2() ? "memory.max" : "memory.limit_in_bytes", cgroup.v2() ? "max" : Long.toString(UNLIMITED_V1));
    }

    /** Resident anonymous memory of the processes in the cgroup (v1 memory.stat rss, v2 anon). */
    public long rss() {
        String key = cgroup.v2() ? "anon" : "rss";
        for (String line : cgroup.read("memory.stat")) {
            String[] kv = line.split(" ");
            if (kv.length == 2 && kv[0].equals(key)) {
                return Long.parseLong(kv[1]);
            }
        }
        throw new IllegalStateException("no " + key + " in memory.stat");
    }

    @Override
    public void close() {
        cgroup.close();
    }
}
