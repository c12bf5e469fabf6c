package dev.brokerwatch.agent;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServerFactory;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerwatchAgentTest {
  @TempDir Path dir;

  @Test
  void premainWithABrokenMappingPrintsOneLineAndThrowsNothing() throws Exception {
    Path mapping = dir.resolve("broken.mapping");
    Files.write(mapping, "brokerwatch-mapping 1\nname broken\nfrobnicate now\n".getBytes(StandardCharsets.UTF_8));
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, "UTF-8"));
      assertThatCode(() -> BrokerwatchAgent.premain("127.0.0.1:0:" + mapping, null)).doesNotThrowAnyException();
    } finally {
      System.setErr(originalErr);
    }
    assertThat(err.toString("UTF-8")).isEqualTo("brokerwatch: " + mapping + ":3: unknown keyword 'frobnicate'" + System.lineSeparator());
  }

  @Test
  void aMissingMappingFileIsOneLine() {
    Path missing = dir.resolve("missing.mapping");
    assertThat(startAndCaptureErr("127.0.0.1:0:" + missing))
        .isEqualTo("brokerwatch: cannot read mapping file " + missing + ": no such file" + System.lineSeparator());
  }

  @Test
  void badArgumentsAreOneLine() {
    assertThat(startAndCaptureErr("not-a-port"))
        .isEqualTo(
            "brokerwatch: missing port in 'not-a-port', expected [host:]port[:mapping-file][:config=config-file]"
                + System.lineSeparator());
  }

  @Test
  void aPortInUseIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String err = startAndCaptureErr("127.0.0.1:" + taken.getLocalPort());
      assertThat(err).startsWith("brokerwatch: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
      assertThat(err.split(System.lineSeparator())).hasSize(1);
    }
  }

  @Test
  void aMappingNameClashingWithJvmMetricsIsOneLine() throws Exception {
    Path mapping = dir.resolve("clash.mapping");
    Files.write(
        mapping,
        ("brokerwatch-mapping 1\nmetric jvm_threads_current_total counter\n  jmx java.lang:type=Threading\n    attribute ThreadCount\n")
            .getBytes(StandardCharsets.UTF_8));
    String err = startAndCaptureErr("127.0.0.1:0:" + mapping);
    assertThat(err).startsWith("brokerwatch: " + mapping + ": jvm_threads_current");
    assertThat(err.split(System.lineSeparator())).hasSize(1);
  }

  @Test
  void startsWithTheEmbeddedMappingAndStops() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunningAgent agent =
        BrokerwatchAgent.startQuietly("127.0.0.1:0", MBeanServerFactory.newMBeanServer(), new PrintStream(err, true, "UTF-8"));
    try {
      assertThat(err.toString("UTF-8")).isEmpty();
      assertThat(agent).isNotNull();
      assertThat(agent.mapping().name()).isEqualTo("kafka-default");
      assertThat(agent.mapping().sourceName()).isEqualTo("kafka-default.mapping");
      assertThat(agent.port()).isPositive();
    } finally {
      if (agent != null) {
        agent.close();
      }
    }
  }

  @Test
  void aCgroupRootWithNoCgroupIsSaidOnceAndTheAgentRuns() throws Exception {
    Path nowhere = dir.resolve("no-cgroup-here");
    Path config = dir.resolve("agent.properties");
    Files.write(config, ("cgroup.root=" + nowhere + "\n").getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunningAgent agent =
        BrokerwatchAgent.startQuietly(
            "127.0.0.1:0:config=" + config, MBeanServerFactory.newMBeanServer(), new PrintStream(err, true, "UTF-8"));
    try {
      assertThat(agent).as("the memory metrics are missing, the agent is not").isNotNull();
      assertThat(err.toString("UTF-8").split(System.lineSeparator()))
          .singleElement(as(InstanceOfAssertFactories.STRING))
          .startsWith("brokerwatch: no memory cgroup found under " + nowhere + " (cgroup.root): the mapping's ")
          .endsWith(" container memory metrics are left out");
    } finally {
      if (agent != null) {
        agent.close();
      }
    }
  }

  private static String startAndCaptureErr(String arguments) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunningAgent agent;
    try {
      agent = BrokerwatchAgent.startQuietly(arguments, MBeanServerFactory.newMBeanServer(), new PrintStream(err, true, "UTF-8"));
      assertThat(agent).isNull();
      return err.toString("UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }
}
