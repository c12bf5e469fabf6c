package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.inventory.InventoryMBean;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    @Test
    void recordsTheMBeansOfAJvmOverJmx(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Registry registry = LocateRegistry.createRegistry(port);
        String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL(url), Map.of(),
                ManagementFactory.getPlatformMBeanServer());
        server.start();
        try {
            Path out = dir.resolve("jvm.inventory.gz");
            Cli cli = Cli.run("record", "--jmx", url, "--out", out.toString(), "--kafka", "9.9.9", "--role", "broker");
            assertThat(cli.exitCode()).as("exit code; stderr: %s", cli.err()).isEqualTo(ExitCode.OK);
            assertThat(cli.out()).as("a one-line summary").contains("MBean patterns of Kafka 9.9.9 (broker)");
            MBeanInventory inventory = MBeanInventory.read(out);
            assertThat(inventory.mbeans()).extracting(InventoryMBean::generalizedName).as("the JVM's MBeans, read remotely")
                    .contains("java.lang:type=Memory", "java.lang:type=Runtime");
        } finally {
            server.stop();
            UnicastRemoteObject.unexportObject(registry, true);
        }
    }

    @Test
    void aMalformedUrlIsAUsageError(@TempDir Path dir) {
        Cli cli = Cli.run("record", "--jmx", "not a url", "--out", dir.resolve("x").toString());
        assertThat(cli.exitCode()).as("exit code").isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).as("says what a JMX URL looks like").contains("service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi");
    }

    @Test
    void anUnreachableNodeIsAUsageErrorWithAHint(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli cli = Cli.run("record", "--jmx", "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi", "--out", dir.resolve("x").toString());
        assertThat(cli.exitCode()).as("exit code").isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).as("one line and a hint, no stack trace").contains("cannot read MBeans from").contains("hint:").doesNotContain("\tat ");
    }
}
