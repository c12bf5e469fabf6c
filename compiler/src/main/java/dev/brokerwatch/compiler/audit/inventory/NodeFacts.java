package dev.brokerwatch.compiler.audit.inventory;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** What a Kafka node's MBeans say about it: its version (app-info) and its role (which subsystems registered metrics). */
public final class NodeFacts {
    private NodeFacts() {
    }

    public static Optional<String> kafkaVersion(MBeanServerConnection server) throws IOException {
        for (ObjectName name : query(server, "kafka.server:type=app-info,*")) {
            try {
                Object v = server.getAttribute(name, "version");
                if (v instanceof String s && !s.isBlank()) {
                    return Optional.of(s.trim());
                }
            } catch (Exception notThere) {
                // another app-info MBean, or none with a version
            }
        }
        return Optional.empty();
    }

    /** broker, controller or combined, by the presence of the replica manager and of the controller's event manager. */
    public static String role(MBeanServerConnection server) throws IOException {
        boolean broker = !query(server, "kafka.server:type=ReplicaManager,*").isEmpty();
        boolean controller = !query(server, "kafka.controller:type=ControllerEventManager,*").isEmpty()
                || !query(server, "kafka.controller:type=KafkaController,name=ActiveControllerCount").isEmpty() && !broker;
        if (broker && controller) {
            return "combined";
        }
        return broker ? "broker" : "controller";
    }

    private static Set<ObjectName> query(MBeanServerConnection server, String pattern) throws IOException {
        try {
            return server.queryNames(new ObjectName(pattern), null);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
