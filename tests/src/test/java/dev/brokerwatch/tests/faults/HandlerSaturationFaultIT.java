package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.faults.ProduceFlood;

/**
 * Sustained produce load on broker node-4, which has one request handler thread (separate roles: one
 * controller, three brokers). Producers flood a topic that node-4 leads and that flushes every message
 * (flush.messages=1, as with a slow or sync-mounted disk): each append holds the only handler thread for an
 * fsync, so the handler stops idling and produce requests queue up.
 *
 * <p>Produce latency is proven by {@link ProduceLatencyFaultIT}; the network threads by
 * {@link NetworkProcessorSaturationFaultIT}.
 */
// runs alone (the ITs run several classes at once, tests/pom.xml): its produce flood saturates the CPU; beside another scenario it would starve that one
@Isolated
class HandlerSaturationFaultIT {
    static final String QUERIES = "kafka:request_handler_idle:ratio{pod=\"node-4\"} or "
            + "kafka_network_requestmetrics_totaltimems{pod=\"node-4\",request=\"Produce\",quantile=\"0.99\"}";

    @Test
    @Timeout(900)
    void floodingABrokerWithOneHandlerThreadFiresHandlerIdleLow() {
        try (AlertProofRig rig = AlertProofRig.builder("HandlerSaturationFaultIT")
                .separateRoles(1, 3)
                .nodeProperty(4, "num.io.threads", "1")
                .start();
                Workload w = rig.cluster().workload()) {
            Faults.createAssignedTopic(w, "bw-sync", Map.of(0, List.of(4, 2, 3), 1, List.of(4, 3, 2),
                    2, List.of(4, 2, 3), 3, List.of(4, 3, 2)), Map.of("flush.messages", "1",
                    "retention.bytes", "4194304", "segment.bytes", "1048576"));
            AlertProofRig.Fault f = rig.fault("produce-flood-sync-flush",
                    Expectation.of("KafkaRequestHandlerIdleLow", "namespace", AlertProofRig.NAMESPACE, "pod", "node-4"));
            Faults.settleBefore(rig, f);
            ProduceFlood[] flood = new ProduceFlood[1];
            try {
                f.inject(() -> flood[0] = new ProduceFlood(w, "bw-sync", 16, 512, "all", "none"));
                f.awaitFiring(Duration.ofMinutes(5), Faults.every(Duration.ofSeconds(10), () -> System.out.println(
                        "[load] " + Faults.values(rig, QUERIES) + " acked " + flood[0].acked())));
            } finally {
                f.repair(() -> {
                    if (flood[0] != null) {
                        flood[0].close();
                    }
                });
            }
            f.awaitResolved(Duration.ofMinutes(8));
        }
    }
}
