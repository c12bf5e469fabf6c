package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JVM and process families of client_java 1.3's {@code JvmMetrics}, which both the stock jmx_prometheus_javaagent
 * 1.0.1 (client_java 1.3.1) and the Strimzi Metrics Reporter 0.2.0 (1.3.6) register beside their own series, as the
 * text format exposes them (a counter with {@code _total}, an info with {@code _info}); and the stock agent's own
 * {@code jmx_*} families. Left out: {@code jvm_native_memory_*}, registered only when the JVM runs with
 * {@code -XX:NativeMemoryTracking} (Kafka's scripts do not set it).
 */
public final class ClientJavaJvmFamilies {
    /** One exposed family: its name as in {@code # TYPE}, its type and its label names. */
    public record Family(String name, MetricType type, Set<String> labels, String help) {
        public Family {
            labels = Set.copyOf(labels);
        }

        public CatalogMetric asCatalogMetric(String source) {
            return new CatalogMetric(name, type, new TreeSet<>(labels), help, null, Origin.EXTERNAL, source, null, null, null, null,
                    List.of(), null, true);
        }
    }

    private static final List<Family> JVM = List.of(
            gauge("jvm_threads_current", "threads"),
            gauge("jvm_threads_daemon", "daemon threads"),
            gauge("jvm_threads_peak", "peak thread count"),
            counter("jvm_threads_started_total", "threads started"),
            gauge("jvm_threads_deadlocked", "threads in deadlock"),
            gauge("jvm_threads_deadlocked_monitor", "threads in monitor deadlock"),
            gauge("jvm_threads_state", "threads by state", "state"),
            gauge("jvm_buffer_pool_used_bytes", "buffer pool use", "pool"),
            gauge("jvm_buffer_pool_capacity_bytes", "buffer pool capacity", "pool"),
            gauge("jvm_buffer_pool_used_buffers", "buffers", "pool"),
            gauge("jvm_classes_currently_loaded", "classes loaded"),
            counter("jvm_classes_loaded_total", "classes loaded since start"),
            counter("jvm_classes_unloaded_total", "classes unloaded since start"),
            counter("jvm_compilation_time_seconds_total", "JIT time"),
            new Family("jvm_gc_collection_seconds", MetricType.SUMMARY, Set.of("gc"), "GC time and count (no quantiles)"),
            counter("jvm_memory_pool_allocated_bytes_total", "bytes allocated per pool (after the first GC)", "pool"),
            gauge("jvm_memory_objects_pending_finalization", "objects pending finalization"),
            gauge("jvm_memory_used_bytes", "heap and non-heap use", "area"),
            gauge("jvm_memory_committed_bytes", "heap and non-heap committed", "area"),
            gauge("jvm_memory_max_bytes", "heap and non-heap maximum", "area"),
            gauge("jvm_memory_init_bytes", "heap and non-heap initial", "area"),
            gauge("jvm_memory_pool_used_bytes", "memory pool use", "pool"),
            gauge("jvm_memory_pool_committed_bytes", "memory pool committed", "pool"),
            gauge("jvm_memory_pool_max_bytes", "memory pool maximum", "pool"),
            gauge("jvm_memory_pool_init_bytes", "memory pool initial", "pool"),
            gauge("jvm_memory_pool_collection_used_bytes", "memory pool use after GC", "pool"),
            gauge("jvm_memory_pool_collection_committed_bytes", "memory pool committed after GC", "pool"),
            gauge("jvm_memory_pool_collection_max_bytes", "memory pool maximum after GC", "pool"),
            gauge("jvm_memory_pool_collection_init_bytes", "memory pool initial after GC", "pool"),
            gauge("jvm_runtime_info", "JVM version, vendor and runtime", "version", "vendor", "runtime"),
            counter("process_cpu_seconds_total", "CPU time"),
            gauge("process_start_time_seconds", "start time"),
            gauge("process_open_fds", "open file descriptors"),
            gauge("process_max_fds", "file descriptor limit"),
            gauge("process_virtual_memory_bytes", "virtual memory"),
            gauge("process_resident_memory_bytes", "resident memory"));

    private static final List<Family> JMX_EXPORTER_OWN = List.of(
            counter("jmx_config_reload_success_total", "config reloads"),
            counter("jmx_config_reload_failure_total", "failed config reloads"),
            gauge("jmx_scrape_duration_seconds", "scrape time"),
            gauge("jmx_scrape_error", "1 when the scrape failed"),
            gauge("jmx_scrape_cached_beans", "MBeans whose rule matches are cached"),
            gauge("jmx_exporter_build_info", "agent name and version", "name", "version"));

    private ClientJavaJvmFamilies() {
    }

    /** The families of {@code JvmMetrics} (JVM and process). */
    public static List<Family> jvm() {
        return JVM;
    }

    /** What the stock agent adds: the JVM families and its own {@code jmx_*} ones. */
    public static List<Family> jmxExporterAgent() {
        List<Family> all = new ArrayList<>(JVM);
        all.addAll(JMX_EXPORTER_OWN);
        return List.copyOf(all);
    }

    private static Family gauge(String name, String help, String... labels) {
        return new Family(name, MetricType.GAUGE, Set.of(labels), help);
    }

    private static Family counter(String name, String help, String... labels) {
        return new Family(name, MetricType.COUNTER, Set.of(labels), help);
    }
}
