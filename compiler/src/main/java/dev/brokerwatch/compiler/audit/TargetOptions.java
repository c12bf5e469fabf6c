package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.resolve.Params;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The brokers an exporter model describes, as `audit` and `import` take them: Kafka version, node role, external series. */
public final class TargetOptions {
    @Option(names = "--kafka", paramLabel = "VERSION", defaultValue = Params.DEFAULT_KAFKA_VERSION,
            description = "The Kafka version the brokers run, e.g. 4.1 or 3.9.1. Default: ${DEFAULT-VALUE}.")
    public String kafka;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "combined",
            description = "The KRaft role of the nodes: combined, broker or controller. Default: ${DEFAULT-VALUE}.")
    public String role;

    @Option(names = "--external", paramLabel = "SOURCE[,SOURCE]", split = ",",
            description = "Other exporters scraped next to the brokers whose series the rules may use, e.g. kafka_exporter,kubelet; "
                    + "'none' for none. Default: all declared ones.")
    public List<String> external = new ArrayList<>();

    /** Null when {@code --role} names a role, else the one-line usage error. */
    public String roleProblem() {
        return AuditTarget.ROLES.contains(role) ? null
                : "--role " + role + ": expected one of " + String.join(", ", AuditTarget.ROLES);
    }
}
