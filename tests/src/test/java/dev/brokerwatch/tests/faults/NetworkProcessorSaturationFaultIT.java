package dev.brokerwatch.tests.faults;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.TlsListener;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.faults.TlsHandshakeStorm;

/**
 * A TLS handshake storm: node-3 (combined broker and controller) gets a second client listener, TLS, with one
 * network thread and a 4096-bit RSA key, and clients connect, finish a full handshake and hang up in a loop.
 * The server's signature in each handshake runs on that listener's network thread (about 40 ms of CPU with
 * this key; checking it costs the client under 1 ms), so the thread stops idling while the PLAINTEXT and
 * CONTROLLER listeners of the same node stay idle. KafkaNetworkProcessorIdleLow fires for pod node-3 and
 * listener TLS; repaired by stopping the storm.
 *
 * <p>Before the alert went per listener it read NetworkProcessorAvgIdlePercent, the average over every
 * processor of one SocketServer: on a combined node the controller's (which registers the name first), on a
 * broker-only node the saturated listener averaged with the idle ones. Neither a produce flood of tiny requests
 * (the gauge bottomed at 0.34 on a broker-only node, threshold 0.3) nor a plaintext connection storm (0.81) did
 * it on two CPUs, because those clients cost as much CPU as the broker's work they cause (docs/live-proof.md).
 */
// runs alone (the ITs run several classes at once, tests/pom.xml): its TLS handshake storm saturates the CPU; beside another scenario it would starve that one
@Isolated
class NetworkProcessorSaturationFaultIT {
    static final String QUERIES = "avg by (pod, listener) (kafka_server_socket_server_metrics_io_wait_ratio{pod=\"node-3\"})";

    @Test
    @Timeout(900)
    void aTlsHandshakeStormFiresNetworkIdleLowForItsListener() {
        try (AlertProofRig rig = AlertProofRig.builder("NetworkProcessorSaturationFaultIT")
                .tlsListener(3, "TLS", 4096)
                .nodeProperty(3, "listener.name.tls.num.network.threads", "1")
                .start()) {
            TlsListener tls = rig.cluster().tlsListener(3, "TLS");
            AlertProofRig.Fault f = rig.fault("tls-handshake-storm", Expectation.of("KafkaNetworkProcessorIdleLow",
                    "namespace", AlertProofRig.NAMESPACE, "pod", "node-3", "listener", "TLS"));
            Faults.settleBefore(rig, f);
            TlsHandshakeStorm[] storm = new TlsHandshakeStorm[1];
            try {
                f.inject(() -> storm[0] = new TlsHandshakeStorm(tls, 4));
                f.awaitFiring(Duration.ofMinutes(3), Faults.every(Duration.ofSeconds(10), () -> System.out.println(
                        "[tls-storm] " + Faults.values(rig, QUERIES) + " handshakes " + storm[0].handshakes()
                                + " errors " + storm[0].errors() + " " + storm[0].lastError())));
            } finally {
                f.repair(() -> {
                    if (storm[0] != null) {
                        storm[0].close();
                    }
                });
            }
            f.awaitResolved(Duration.ofMinutes(3));
        }
    }
}
