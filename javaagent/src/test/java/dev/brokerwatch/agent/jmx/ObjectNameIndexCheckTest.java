package dev.brokerwatch.agent.jmx;

import static dev.brokerwatch.agent.testing.Beans.name;
import static dev.brokerwatch.agent.testing.Beans.register;
import static dev.brokerwatch.agent.testing.Beans.unregister;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.testing.FakeGauge;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectNameIndexCheckTest {
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name test\n"
          + "metric kafka_log_log_size gauge\n"
          + "  help Log size\n"
          + "  jmx kafka.log:type=Log,name=Size,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n";

  private final MBeanServer server = MBeanServerFactory.newMBeanServer();
  private List<MetricMapping> metrics;
  private ObjectNameIndex index;

  @BeforeEach
  void indexTheMapping() throws Exception {
    metrics = MappingReader.parse("test.mapping", MAPPING.getBytes(StandardCharsets.UTF_8)).jmxMetrics();
    index = new ObjectNameIndex(metrics);
    new MBeanRegistrationListener(index).install(server);
  }

  @Test
  void anIndexThatFollowedEveryRegistrationMatchesTheServer() {
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=0", new FakeGauge(1));
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=1", new FakeGauge(1));
    register(server, "kafka.server:type=Unmapped", new FakeGauge(1));
    unregister(server, "kafka.log:type=Log,name=Size,topic=a,partition=1");

    IndexCheck check = index.check(server);

    assertThat(check.consistent()).as("index after one registration and one unregistration").isTrue();
    assertThat(check.indexed()).as("only the mapped MBean that is still registered").isEqualTo(1);
    assertThat(check.registered()).as("registered MBeans a pattern matches").isEqualTo(1);
  }

  @Test
  void aMissedUnregistrationShowsAsStaleByName() {
    String gone = "kafka.log:type=Log,name=Size,topic=a,partition=0";
    register(server, gone, new FakeGauge(1));
    index = new ObjectNameIndex(metrics); // not listening
    index.add(name(gone));
    unregister(server, gone);

    IndexCheck check = index.check(server);

    assertThat(check.staleCount()).as("an indexed MBean that is no longer registered").isEqualTo(1);
    assertThat(check.stale()).as("the stale MBean by name").containsExactly(name(gone));
    assertThat(check.missingCount()).isZero();
  }

  @Test
  void aMissedRegistrationShowsAsMissingByName() {
    String present = "kafka.log:type=Log,name=Size,topic=b,partition=0";
    index = new ObjectNameIndex(metrics); // not listening
    register(server, present, new FakeGauge(1));

    IndexCheck check = index.check(server);

    assertThat(check.missingCount()).as("a registered mapped MBean the index never heard of").isEqualTo(1);
    assertThat(check.missing()).containsExactly(name(present));
  }

  @Test
  void aScrapeThatFoundTheBeanGoneDoesNotForgetTheBeanRegisteredAgainUnderItsName() {
    String reused = "kafka.log:type=Log,name=Size,topic=again,partition=0";
    register(server, reused, new FakeGauge(1));
    unregister(server, reused);
    register(server, reused, new FakeGauge(2));

    // the read that failed before the new registration reports the old bean gone only now
    index.removeUnlessRegistered(name(reused), server);

    assertThat(index.check(server).consistent())
        .as("the MBean registered again under a deleted topic's name stays indexed")
        .isTrue();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aScrapeThatFoundTheBeanGoneForgetsItWhenItIsStillGone() {
    String gone = "kafka.log:type=Log,name=Size,topic=gone,partition=0";
    index = new ObjectNameIndex(metrics); // not listening
    index.add(name(gone));

    index.removeUnlessRegistered(name(gone), server);

    assertThat(index.size()).as("the unregistered MBean is dropped at once").isZero();
  }
}
