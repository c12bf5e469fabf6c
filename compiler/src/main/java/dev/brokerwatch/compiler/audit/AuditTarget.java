package dev.brokerwatch.compiler.audit;

/** What an audit is about: a Kafka version ("4.1", "4.1.2") and a node role ("broker", "controller", "combined"). */
public record AuditTarget(String kafkaVersion, String role) {
}
