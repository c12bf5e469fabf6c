package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.tests.harness.KafkaNode;
import dev.brokerwatch.tests.harness.Workload;
import dev.brokerwatch.tests.proof.AlertProofRig;
import dev.brokerwatch.tests.proof.Expectation;
import dev.brokerwatch.tests.proof.ProduceFlood;

/**
 * Sustained produce load on broker node-4, which has one request handler thread and one network thread
 * (separate roles: one controller, three brokers).
 *
 * <ol>
 *   <li>Producers flood a topic that node-4 leads and that flushes every message (flush.messages=1, as with
 *       a slow or sync-mounted disk): each append holds the only handler thread for an fsync, so the
 *       handler stops idling and produce requests queue up.
 *   <li>Many producers send one tiny record per request, while node-4 loses the fight for the machine's
 *       two CPUs (nice 19 on every thread, a noisy neighbour): its only network thread stops idling.
 * </ol>
 *
 * <p>Produce latency is proven by {@link ProduceLatencyFaultIT}: under this flood p99 stays far below a second.
 *
 * <p>Separate roles, because on a combined node the NetworkProcessorAvgIdlePercent gauge belongs to the
 * controller's SocketServer, which registers the same name first (docs/live-proof.md).
 */
@Tag("live-proof-full")
class HandlerSaturationFaultIT {
    static final String QUERIES = "kafka:request_handler_idle:ratio{pod=\"node-4\"} or "
            + "kafka_network_socketserver_networkprocessoravgidle_percent{pod=\"node-4\"} or "
            + "kafka_network_requestmetrics_totaltimems{pod=\"node-4\",request=\"Produce\",quantile=\"0.99\"}";

    @Test
    @Timeout(2400)
    void floodingABrokerWithFewThreadsFiresLoadAlerts() {
        try (AlertProofRig rig = AlertProofRig.builder("HandlerSaturationFaultIT")
                .separateRoles(1, 3)
                .cluster(c -> c.nodeProperty(4, "num.io.threads", "1").nodeProperty(4, "num.network.threads", "1"))
                .start();
                Workload w = rig.cluster().workload()) {
            Map<Integer, List<Integer>> ledByNode4 = Map.of(0, List.of(4, 2, 3), 1, List.of(4, 3, 2),
                    2, List.of(4, 2, 3), 3, List.of(4, 3, 2));
            Faults.createAssignedTopic(w, "bw-sync", ledByNode4, Map.of("flush.messages", "1",
                    "retention.bytes", "4194304", "segment.bytes", "1048576"));
            Faults.createAssignedTopic(w, "bw-tiny", ledByNode4, Map.of("retention.bytes", "4194304",
                    "segment.bytes", "1048576"));
            KafkaNode target = rig.cluster().node(4);

            List<AssertionError> failures = new java.util.ArrayList<>();
            attempt(failures, () -> {
                Faults.settle(rig);
                flood(rig, rig.fault("produce-flood-sync-flush",
                        Expectation.of("KafkaRequestHandlerIdleLow", "namespace", AlertProofRig.NAMESPACE, "pod", "node-4")),
                        () -> new ProduceFlood(w, "bw-sync", 16, 512, "all", "none"), null, null);
            });
            attempt(failures, () -> {
                Faults.settle(rig);
                flood(rig, rig.fault("produce-flood-tiny-requests",
                        Expectation.of("KafkaNetworkProcessorIdleLow", "namespace", AlertProofRig.NAMESPACE, "pod", "node-4")),
                        () -> new ProduceFlood(w, "bw-tiny", 32, 64, "1", "none", 64), target, null);
            });
            if (!failures.isEmpty()) {
                AssertionError all = new AssertionError(failures.size() + " of 2 load faults failed: "
                        + failures.stream().map(Throwable::getMessage).toList());
                failures.forEach(all::addSuppressed);
                throw all;
            }
        }
    }

    private static void attempt(List<AssertionError> failures, Runnable fault) {
        try {
            fault.run();
        } catch (AssertionError e) {
            failures.add(e);
        }
    }

    private static void flood(AlertProofRig rig, AlertProofRig.Fault f, Supplier<ProduceFlood> load, KafkaNode starve,
            Runnable whileWaiting) {
        ProduceFlood[] flood = new ProduceFlood[1];
        CpuStarvation[] starved = new CpuStarvation[1];
        try {
            f.inject(() -> {
                if (starve != null) {
                    starved[0] = CpuStarvation.of(starve);
                }
                flood[0] = load.get();
            });
            long[] next = {System.nanoTime()};
            f.awaitFiring(Duration.ofMinutes(3), () -> {
                if (System.nanoTime() > next[0]) {
                    System.out.println("[load " + f.scenario() + "] " + rig.prometheus().query(QUERIES).stream()
                            .map(s -> s.labels().getOrDefault("__name__", "?") + "=" + s.value()).toList()
                            + " acked " + flood[0].acked());
                    next[0] = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
                if (whileWaiting != null) {
                    whileWaiting.run();
                }
            });
        } finally {
            f.repair(() -> {
                if (flood[0] != null) {
                    flood[0].close();
                }
                if (starved[0] != null) {
                    starved[0].close();
                }
            });
        }
        f.awaitResolved(Duration.ofMinutes(8));
    }
}
