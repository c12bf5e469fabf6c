package dev.brokerwatch.harness.proof.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A live KRaft cluster with an exporter on every node and a real Prometheus loaded with a compiled
 * {@code .bw} pack, injected into a JUnit 5 test as an {@link dev.brokerwatch.harness.proof.AlertProofRig}
 * parameter and stopped (every process by its pid) after the test, also when it fails; with {@code perClass = true}
 * one cluster serves every test of the class and is stopped after the last.
 *
 * <pre>{@code
 * @LiveKafkaCluster(nodes = 3, pack = "monitoring/my-pack.bw", set = {"broker_down_for=10s"})
 * class MyAlertsIT {
 *     @Test
 *     void brokerDownFires(AlertProofRig rig) {
 *         AlertProofRig.Fault f = rig.fault("broker-down", Expectation.of("KafkaBrokerDown", "pod", "node-3"));
 *         f.inject(() -> rig.cluster().stopNode(3));
 *         f.awaitFiring(Duration.ofMinutes(2));
 *         f.repair(() -> rig.cluster().startNode(3));
 *         f.awaitResolved(Duration.ofMinutes(2));
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LiveKafkaClusterExtension.class)
public @interface LiveKafkaCluster {
    /** Combined broker+controller nodes (ignored when {@link #controllers()} and {@link #brokers()} are set). */
    int nodes() default 3;

    /** Controller-only nodes, for separate roles (with {@link #brokers()}). */
    int controllers() default 0;

    /** Broker-only nodes, for separate roles (with {@link #controllers()}). */
    int brokers() default 0;

    /**
     * Where the nodes run: "local" (JVMs on this machine) or "testcontainers" (a container per node, host
     * networking); default -Dbrokerwatch.proof.backend, else local.
     */
    String backend() default "";

    /** Kafka version; default -Dbrokerwatch.proof.kafka.version, else the harness default (4.1.2). */
    String version() default "";

    /**
     * The root .bw file: a path relative to the working directory (the module's directory under Maven), or a
     * resource on the test class path (src/test/resources); default: the curated pack's alerts as shipped
     * inside the compiler ({@code kafka.bw}).
     */
    String pack() default "";

    /** Params for {@code brokerwatch compile --set}; default for the curated pack: the proof's (ProofParams). */
    String[] set() default {};

    /** "brokerwatch" (the agent) or "stock" (jmx_prometheus_javaagent with the compiled config); default from -Dbrokerwatch.proof.agent. */
    String agent() default "";

    /** Heap of every node. */
    String heap() default "512m";

    /**
     * On the class: one cluster (and Prometheus, Alertmanager) for every test of the class, started when the first
     * test asks for it and stopped after the last, instead of one per test. Each test must then leave the cluster
     * healthy for the next (repair its fault and await the resolution). A method's own annotation ignores this and
     * gets a cluster of its own.
     */
    boolean perClass() default false;
}
