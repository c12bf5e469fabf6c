package dev.brokerwatch.agent.it;

import dev.brokerwatch.agent.testing.Beans;
import dev.brokerwatch.agent.testing.FakeAppInfo;
import dev.brokerwatch.agent.testing.FakeBroker;
import dev.brokerwatch.agent.testing.FakeGauge;
import dev.brokerwatch.agent.testing.FakeHistogram;
import dev.brokerwatch.agent.testing.FakeMeter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.management.MBeanServer;

/**
 * A stand-in broker JVM for the attach tests: registers Kafka-shaped MBeans on the platform MBean
 * server after the agent started. {@code wait} keeps running until standard input closes (or two
 * minutes pass); {@code exit} returns at once, to prove the agent's threads do not keep a JVM alive.
 */
public final class SmokeMain {
  private SmokeMain() {}

  public static void main(String[] args) throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    new FakeBroker().registerIn(server);
    Beans.register(server, "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec", new FakeMeter(3, 0.0));
    Beans.register(server, "kafka.log:type=Log,name=Size,topic=orders,partition=0", new FakeGauge(4096L));
    Beans.register(server, "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce", new FakeHistogram(8, 2.0, 1.0, 9.0));
    Beans.register(server, "kafka.server:type=app-info", new FakeAppInfo("4.1.1"));
    System.out.println("smoke: beans registered");
    if (args.length > 0 && args[0].equals("wait")) {
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                  while (in.readLine() != null) {
                    // wait for end of input
                  }
                } catch (Exception e) {
                  // end of input either way
                }
              });
      reader.setDaemon(true);
      reader.start();
      reader.join(120_000);
    }
    System.out.println("smoke: main returns");
  }
}
