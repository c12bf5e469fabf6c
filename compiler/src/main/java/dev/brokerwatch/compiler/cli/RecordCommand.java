package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.compiler.audit.inventory.InventoryRecorder;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.compiler.audit.inventory.NodeFacts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record the MBean inventory of a running Kafka node over JMX: every ObjectName (topic, partition, "
                + "client, listener values generalized, one example kept), its attributes, their types and what kind of "
                + "metric registered them. `audit --jmx-inventory FILE` checks an exporter config against it.",
                "Record a broker that has traffic: per-topic, per-partition and per-client MBeans exist only once used."},
        footer = {"",
                "Exit codes: 0 recorded, 2 usage error, unreachable JMX or unwritable file.",
                "",
                "Example:%n"
                        + "  brokerwatch record --out broker-1.inventory.gz \\%n"
                        + "      --jmx service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi"})
public final class RecordCommand implements Callable<Integer> {
    @Option(names = "--jmx", required = true, paramLabel = "URL", description = "JMX service URL of the node.")
    String jmxUrl;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the inventory; .gz compresses it.")
    Path out;

    @Option(names = "--kafka", paramLabel = "VERSION", description = "The node's Kafka version. Default: read from its app-info MBean.")
    String kafkaVersion;

    @Option(names = "--role", paramLabel = "ROLE", description = "broker, controller or combined. Default: read from its MBeans.")
    String role;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        JMXServiceURL url;
        try {
            url = new JMXServiceURL(jmxUrl);
        } catch (IOException e) {
            err.println("brokerwatch record: '" + jmxUrl + "' is not a JMX service URL: " + e.getMessage());
            err.println("  hint: service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi");
            return ExitCode.USAGE;
        }
        if (role != null && !role.matches("broker|controller|combined")) {
            err.println("brokerwatch record: --role must be broker, controller or combined, not '" + role + "'");
            return ExitCode.USAGE;
        }
        MBeanInventory inventory;
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            String version = kafkaVersion != null ? kafkaVersion : NodeFacts.kafkaVersion(server).orElse("unknown");
            String nodeRole = role != null ? role : NodeFacts.role(server);
            inventory = InventoryRecorder.record(server, version, nodeRole);
        } catch (IOException | SecurityException e) {
            err.println("brokerwatch record: cannot read MBeans from " + jmxUrl + ": " + e.getMessage());
            err.println("  hint: start the JVM with -Dcom.sun.management.jmxremote.port=PORT (and authenticate/ssl settings) and check it listens");
            return ExitCode.USAGE;
        }
        try {
            inventory.write(out);
        } catch (IOException e) {
            err.println("brokerwatch record: cannot write " + out + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        spec.commandLine().getOut().printf("%s: %d MBean patterns of Kafka %s (%s)%n", out, inventory.mbeans().size(),
                inventory.kafkaVersion(), inventory.role());
        return ExitCode.OK;
    }
}
