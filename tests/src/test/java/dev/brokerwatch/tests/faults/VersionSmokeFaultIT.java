package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * The smoke scenario on the other Kafka versions (-Dbrokerwatch.proof.smoke.versions, default the root
 * pom's newest 4.x and 3.9 line): one fault (a broker stops), one alert (under-replicated partitions,
 * from the agent's JMX export), fired and resolved.
 */
class VersionSmokeFaultIT {
    static Stream<String> versions() {
        return Arrays.stream(System.getProperty("brokerwatch.proof.smoke.versions", "4.4.0,3.9.2").split(","))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    @ParameterizedTest(name = "Kafka {0}")
    @MethodSource("versions")
    @Timeout(600)
    void underReplicatedPartitionsFireOnEveryVersion(String version) {
        try (AlertProofRig rig = AlertProofRig.builder("VersionSmokeFaultIT-" + version).version(version).start();
                Workload w = rig.cluster().workload()) {
            w.createTopic("bw-orders", 3, 3, Map.of("min.insync.replicas", "2"));
            w.produce("bw-orders", 300, 100);
            AlertProofRig.Fault f = rig.fault("broker-restart (smoke)",
                    Expectation.of("KafkaUnderReplicatedPartitions", "namespace", AlertProofRig.NAMESPACE));
            Faults.settleBefore(rig, f);
            f.inject(() -> rig.cluster().stopNode(3));
            f.awaitFiring(Duration.ofMinutes(2));
            f.repair(() -> rig.cluster().startNode(3));
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
