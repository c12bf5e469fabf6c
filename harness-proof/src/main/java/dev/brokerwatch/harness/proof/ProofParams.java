package dev.brokerwatch.harness.proof;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.brokerwatch.harness.KafkaVersion;

/**
 * The only knobs the live proof turns: the curated pack's own params, passed to
 * {@code brokerwatch compile --set name=value}. Windows and intervals are shortened so that a fault fires
 * within seconds instead of minutes; thresholds stay the pack's defaults except where a value names the
 * size of this machine (the log volume). There is no test-only copy of any rule: the rules proven are the
 * rules shipped, compiled with these values.
 */
public final class ProofParams {
    /** Scrape interval of the broker targets, and the pack's {@code scrape_interval} param. */
    public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);
    /** Evaluation interval of every rule group ({@code evaluation_interval}). */
    public static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(2);
    /** The size of the small log file system of the disk scenario, and the pack's {@code disk_capacity_bytes}. */
    public static final long DISK_CAPACITY_BYTES = 64L * 1024 * 1024;

    private static final Map<String, String> SET;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("scrape_interval", seconds(SCRAPE_INTERVAL));
        m.put("evaluation_interval", seconds(EVALUATION_INTERVAL));
        // kafka-broker.bw
        m.put("broker_down_for", "10s");
        // a restarted broker's replicas rejoin the ISRs within seconds of it running again; 20s holds 10 evaluations
        m.put("broker_down_keep_firing_for", "20s");
        // the symptoms of a down broker wait longer than its KafkaBrokerDown, as in the pack (fenced 2m and
        // under-replicated 10m against 1m): a notification group of the cluster that already exists sends a new
        // alert at its next group_interval tick, without group_wait, so only a longer `for` lets the cause inhibit it
        m.put("under_replicated_for", "20s");
        m.put("under_min_isr_for", "10s");
        m.put("isr_shrink_window", "1m");
        m.put("isr_shrink_for", "10s");
        m.put("disk_capacity_bytes", Long.toString(DISK_CAPACITY_BYTES));
        m.put("disk_usage_for", "10s");
        m.put("handler_idle_for", "20s");
        m.put("network_idle_for", "20s");
        m.put("request_latency_for", "20s");
        // kafka-controller.bw
        m.put("offline_partitions_for", "10s");
        m.put("no_controller_for", "10s");
        m.put("fenced_brokers_for", "20s");
        m.put("quorum_leader_unknown_for", "10s");
        // a healthy log advances every 500 ms (metadata.max.idle.interval.ms); 10s holds 5 scrapes
        m.put("metadata_progress_window", "10s");
        m.put("metadata_stalled_for", "10s");
        m.put("leader_changes_window", "2m");
        // the default tolerates 5 changes in 10m, which one broker restart (leaders leave it, then come back:
        // 2 changes) stays under; so does 3 in the shortened 2m window, which a leader moved back and forth fires
        m.put("leader_changes_max", "3");
        m.put("leader_changes_for", "10s");
        // commit-latency-avg is Kafka's average over its last two 30 s samples (metrics.num.samples x
        // metrics.sample.window.ms): a burst of slow commits stays in it for up to a minute. The quorum's recovery
        // after a loss is such a burst, and a `for` shorter than that minute turned it into an alert after the repair
        // (as shipped, 10m, it cannot). 90s outlasts the window with the scrape and evaluation intervals to spare.
        m.put("raft_commit_latency_for", "90s");
        m.put("metadata_elections_for", "10s");
        // kafka-jvm.bw
        m.put("heap_used_for", "20s");
        m.put("gc_time_window", "1m");
        m.put("gc_time_for", "20s");
        // container-memory.bw
        m.put("oom_ratio_for", "10s");
        m.put("oom_imminent_for", "10s");
        // kafka.bw's routing: a new notification group waits the pack's own 30s for its causes to fire (a broker's
        // controlled shutdown shrinks the ISRs seconds before its scrapes fail), and a resolution is notified within 10s
        m.put("notification_group_interval", "10s");
        // not provokable here, shortened all the same so that the whole pack is compiled one way
        m.put("consumer_lag_for", "1m");
        m.put("kafscale_for", "1m");
        SET = Collections.unmodifiableMap(m);
    }

    private ProofParams() {}

    /**
     * The params for a Kafka version, name → value in a stable order: the proof's windows plus
     * {@code kafka_version}, which picks the pack's version-dependent defaults (e.g. {@code combined_handler_idle_offset}: 0 from 4.2 on, where KAFKA-19606
     * is fixed and RequestHandlerAvgIdlePercent idles at 1.0 on combined nodes instead of 2.0).
     */
    public static Map<String, String> set(KafkaVersion version) {
        Map<String, String> m = new LinkedHashMap<>(SET);
        m.put("kafka_version", version.toString());
        return Collections.unmodifiableMap(m);
    }

    /**
     * The Kafka version of a proof cluster: {@code explicit} if given, else
     * {@code -Dbrokerwatch.proof.kafka.version}, else the harness default.
     */
    public static KafkaVersion version(String explicit) {
        String v = explicit != null && !explicit.isBlank() ? explicit
                : System.getProperty("brokerwatch.proof.kafka.version", "");
        return v.isBlank() ? KafkaVersion.defaultVersion()
                : KafkaVersion.parse(v.trim());
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + "s";
    }
}
