package dev.brokerwatch.tests.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.harness.KafkaVersion;

/** Small helpers the live tests share: catalog versions, exposition types, this machine's cgroup. */
final class LiveCatalog {
    private LiveCatalog() {}

    /** True when the Kafka version lies in the metric's {@code since}/{@code until} range (until exclusive). */
    static boolean inVersionRange(CatalogMetric metric, KafkaVersion version) {
        if (metric.since() != null && version.compareTo(version(metric.since())) < 0) {
            return false;
        }
        return metric.until() == null || version.compareTo(version(metric.until())) < 0;
    }

    private static KafkaVersion version(String text) {
        String[] parts = text.trim().split("\\.");
        return new KafkaVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    }

    /** The type word of the family's {@code # TYPE} line. */
    static String expositionType(MetricType type) {
        return type.keyword();
    }

    /**
     * What the agent in a process can read of its memory cgroup, worked out independently of the agent from
     * {@code /proc/<pid>/cgroup} and {@code /sys/fs/cgroup}: whether the memory files are readable at all,
     * and whether a limit is set. The agent exports usage/rss/inactive_file/working_set when readable, and
     * limit/oom_ratio/oom_floor_ratio only with a limit.
     */
    record CgroupMemory(Path directory, boolean readable, boolean limited, String explanation) {
        static CgroupMemory of(long pid) {
            Path root = Path.of("/sys/fs/cgroup");
            List<String> membership;
            try {
                membership = Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                membership = List.of();
            }
            // v2: the unified hierarchy at the root (namespaced container) or at the process's own path
            if (Files.isReadable(root.resolve("memory.current"))) {
                return v2(root);
            }
            Optional<String> v2Path = membership.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3))
                    .findFirst();
            if (v2Path.isPresent() && Files.isReadable(under(root, v2Path.get()).resolve("memory.current"))) {
                return v2(under(root, v2Path.get()));
            }
            // v1: the memory controller's hierarchy
            Optional<String> v1Path = membership.stream().map(l -> l.split(":", 3)).filter(p -> p.length == 3)
                    .filter(p -> List.of(p[1].split(",")).contains("memory")).map(p -> p[2]).findFirst();
            Path v1Root = root.resolve("memory");
            if (v1Path.isPresent() && Files.isReadable(under(v1Root, v1Path.get()).resolve("memory.usage_in_bytes"))) {
                return v1(under(v1Root, v1Path.get()));
            }
            if (Files.isReadable(v1Root.resolve("memory.usage_in_bytes"))) {
                return v1(v1Root);
            }
            return new CgroupMemory(null, false, false, "no readable memory cgroup for pid " + pid + " (membership "
                    + membership + ")");
        }

        private static CgroupMemory v2(Path dir) {
            String max = read(dir.resolve("memory.max")).orElse("max");
            boolean limited = !max.equals("max");
            return new CgroupMemory(dir, true, limited, "cgroup v2 " + dir + ", memory.max=" + max);
        }

        private static CgroupMemory v1(Path dir) {
            String limit = read(dir.resolve("memory.limit_in_bytes")).orElse("");
            boolean limited;
            try {
                limited = Long.parseLong(limit) < Long.MAX_VALUE / 2; // v1 writes "no limit" as ~2^63
            } catch (NumberFormatException e) {
                limited = false;
            }
            return new CgroupMemory(dir, true, limited, "cgroup v1 " + dir + ", memory.limit_in_bytes=" + limit);
        }

        private static Optional<String> read(Path file) {
            try {
                return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private static Path under(Path root, String cgroupPath) {
            String relative = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
            return relative.isEmpty() ? root : root.resolve(relative);
        }

        /** Whether the agent exports the cgroup field of this metric on this machine. */
        boolean exports(String cgroupField) {
            return switch (cgroupField) {
                case "limit", "oom_ratio", "oom_floor_ratio" -> readable && limited;
                default -> readable;
            };
        }
    }
}
