package dev.brokerwatch.tests.churn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.brokerwatch.harness.ManagedProcess;

/**
 * The live objects of brokerwatch's agent classes in a JVM: {@code jcmd <pid> GC.class_histogram}, which runs a
 * full GC first, summed over every class under {@code dev.brokerwatch.agent} (the shaded client library
 * included). The MBean index, the scrape plan and their labels are such objects, one set per indexed MBean, so a
 * leak per deleted partition shows here as instances that stay. The primitive arrays of the reusable scrape
 * buffers are not counted here (they are bounded by the buffers' own release of excess capacity).
 */
public record AgentHeap(long bytes, long instances, Map<String, long[]> byClass) {
    static final String PREFIX = "dev.brokerwatch.agent";

    public static AgentHeap measure(long pid, Path logDir, String label) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        ManagedProcess.Result result = ManagedProcess.run("jcmd-histogram", List.of(jcmd.toString(),
                Long.toString(pid), "GC.class_histogram"), logDir, logDir.resolve("histogram-" + label + ".txt"),
                Duration.ofMinutes(2));
        return parse(result.output());
    }

    /** Lines {@code "  1:  123  4567  class.Name (module)"}; everything else is skipped. */
    static AgentHeap parse(String histogram) {
        long bytes = 0;
        long instances = 0;
        Map<String, long[]> byClass = new TreeMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":") || !f[3].startsWith(PREFIX)) {
                continue;
            }
            long n = Long.parseLong(f[1]);
            long b = Long.parseLong(f[2]);
            instances += n;
            bytes += b;
            byClass.put(f[3], new long[] {n, b});
        }
        return new AgentHeap(bytes, instances, byClass);
    }

    /** The classes whose instance count differs from {@code earlier}'s, as "class: before -> after". */
    public String changesSince(AgentHeap earlier) {
        StringBuilder out = new StringBuilder();
        TreeMap<String, long[]> all = new TreeMap<>(earlier.byClass);
        byClass.forEach(all::putIfAbsent);
        for (String name : all.keySet()) {
            long before = earlier.byClass.getOrDefault(name, new long[2])[0];
            long after = byClass.getOrDefault(name, new long[2])[0];
            if (before != after) {
                out.append(name.substring(PREFIX.length() + 1)).append(": ").append(before).append(" -> ")
                        .append(after).append("; ");
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d bytes in %,d objects", bytes, instances);
    }
}
