package dev.brokerwatch.harness.proof;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Curated alerts that no fault on one machine can make fire, each with the reason. The report lists them
 * with the promtool unit tests (compiled from the alert's own {@code test} blocks) that cover them instead.
 */
public final class NotProvokable {
    private static final Map<String, String> REASONS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        String kafscale = "needs Kafscale (S3-backed brokers and its operator), whose native kafscale_* metrics "
                + "no Apache Kafka broker exports; there is no Kafscale on this machine";
        m.put("KafscaleSnapshotAccessFailed", kafscale);
        m.put("KafscaleSnapshotStale", kafscale);
        m.put("KafscaleSnapshotNeverSucceeded", kafscale);
        m.put("KafscaleS3Degraded", kafscale);
        m.put("KafscaleS3Unavailable", kafscale);
        m.put("KafscaleS3LatencyHigh", kafscale);
        m.put("KafscaleS3ErrorRateHigh", kafscale);
        m.put("KafkaPersistentVolumeFillingUp", "reads kubelet_volume_stats_* of a PersistentVolumeClaim, which "
                + "only a kubelet exports; there is no Kubernetes here. Its broker-side twin "
                + "KafkaLogSizeNearCapacity is proven live by the log-dir-full scenario");
        m.put("KafkaConsumerGroupLagHigh", "reads kafka_consumergroup_lag from kafka_exporter (a Go program, "
                + "not on Maven Central nor in Debian), which does not run here; brokers export no per-group lag "
                + "MBean, and Debian's one lag checker, burrow 1.2.1, serves lag over its own HTTP API rather than "
                + "as Prometheus series. The consumer-group-stops scenario is therefore not run on this machine");
        m.put("KafkaMultipleActiveControllers", "a split brain that KRaft prevents: a quorum leader that stops "
                + "receiving fetches from a majority resigns within 1.5 x controller.quorum.fetch.timeout.ms "
                + "(check-quorum, KAFKA-15489, since 3.7), and a paused or isolated old leader cannot be "
                + "scraped, so two nodes never report ActiveControllerCount=1 for the rule's 1m");
        m.put("KafkaMetadataErrors", "needs a metadata record that a controller or broker fails to apply "
                + "(MetadataErrorCount / metadata-apply-error-count); the quorum controller validates every "
                + "record before committing it, so no admin operation or process fault produces one on a "
                + "healthy 4.1 cluster - only a Kafka bug or a corrupt snapshot does");
        REASONS = Collections.unmodifiableMap(m);
    }

    /** Alerts whose scenario exists but has not made them fire on a 2-CPU machine yet: none at present. */
    private static final Map<String, String> NOT_PROVEN_HERE = Map.of();

    private NotProvokable() {}

    /** alert → why the proof did not make it fire on this machine, with what the metric did. */
    public static Map<String, String> notProvenHere() {
        return NOT_PROVEN_HERE;
    }

    /** alert → why it cannot be provoked here. */
    public static Map<String, String> reasons() {
        return REASONS;
    }
}
