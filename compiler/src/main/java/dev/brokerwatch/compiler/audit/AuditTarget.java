package dev.brokerwatch.compiler.audit;

/** What an audit models: the Kafka version ({@code 4.1}, {@code 3.9.1}) and the node role (combined, broker, controller). */
public record AuditTarget(String kafkaVersion, String role) {
    public static final java.util.List<String> ROLES = java.util.List.of("combined", "broker", "controller");
}
