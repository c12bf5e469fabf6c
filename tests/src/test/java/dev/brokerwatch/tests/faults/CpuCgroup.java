package dev.brokerwatch.tests.faults;

import java.util.List;

/** A CPU cgroup for one broker JVM: a container's CPU limit without a container. */
final class CpuCgroup implements AutoCloseable {
    private static final long PERIOD_US = 100_000;
    private final Cgroup cgroup;

    private CpuCgroup(Cgroup cgroup) {
        this.cgroup = cgroup;
    }

    static CpuCgroup create(String name) {
        return new CpuCgroup(Cgroup.create("cpu", name));
    }

    /** The command prefix that starts the broker inside the cgroup. */
    List<String> wrapper() {
        return cgroup.wrapper();
    }

    /** At most {@code cpus} CPUs' worth of time per period (0.2: 20 ms of every 100 ms). */
    void limit(double cpus) {
        long quota = Math.max(1000, Math.round(cpus * PERIOD_US));
        if (cgroup.v2()) {
            cgroup.write("cpu.max", quota + " " + PERIOD_US);
        } else {
            cgroup.write("cpu.cfs_period_us", Long.toString(PERIOD_US));
            cgroup.write("cpu.cfs_quota_us", Long.toString(quota));
        }
    }

    void unlimited() {
        if (cgroup.v2()) {
            cgroup.write("cpu.max", "max " + PERIOD_US);
        } else {
            cgroup.write("cpu.cfs_quota_us", "-1");
        }
    }

    @Override
    public void close() {
        cgroup.close();
    }
}
