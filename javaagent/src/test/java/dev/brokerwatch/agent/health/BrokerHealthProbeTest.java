package dev.brokerwatch.agent.health;

import static dev.brokerwatch.agent.testing.Beans.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.testing.FakeBroker;
import dev.brokerwatch.agent.testing.FakeGauge;
import dev.brokerwatch.agent.testing.ScriptedBean;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

class BrokerHealthProbeTest {
  private final MBeanServer server = MBeanServerFactory.newMBeanServer();

  @Test
  void aRunningBrokerIsLiveAndReady() {
    new FakeBroker().registerIn(server);
    BrokerHealthProbe probe = new BrokerHealthProbe(server, 0);

    assertThat(describe(probe.live())).containsExactly("broker_state ok RUNNING");
    assertThat(describe(probe.ready()))
        .containsExactly(
            "broker_state ok RUNNING",
            "offline_log_dirs ok 0 offline",
            "controller_known ok controller 1",
            "under_replicated_partitions ok 0 (max 0)");
    assertThat(probe.ready().status()).isEqualTo("UP");
  }

  @Test
  void theUnderReplicatedCheckIsOffUnlessConfigured() {
    new FakeBroker().registerIn(server);
    assertThat(describe(new BrokerHealthProbe(server, null).ready())).hasSize(3);
  }

  @Test
  void aStartingBrokerIsLiveButNotReady() {
    new FakeBroker().registerIn(server).brokerState.setValue((byte) 1);
    BrokerHealthProbe probe = new BrokerHealthProbe(server, null);

    assertThat(probe.live().ok()).isTrue();
    assertThat(probe.ready().ok()).isFalse();
    assertThat(describe(probe.ready())).first().isEqualTo("broker_state FAIL STARTING");
  }

  @Test
  void shuttingDownIsNotLive() {
    FakeGauge state = new FakeBroker().registerIn(server).brokerState;
    BrokerHealthProbe probe = new BrokerHealthProbe(server, null);

    state.setValue((byte) 7);
    assertThat(describe(probe.live())).containsExactly("broker_state FAIL SHUTTING_DOWN");
    state.setValue((byte) 6);
    assertThat(describe(probe.live())).containsExactly("broker_state FAIL PENDING_CONTROLLED_SHUTDOWN");
  }

  @Test
  void offlineLogDirsNoControllerAndTooManyUnderReplicatedAreNotReady() {
    FakeBroker broker = new FakeBroker().registerIn(server);
    broker.offlineLogDirectories.setValue(1);
    broker.currentControllerId.setValue(-1);
    broker.underReplicatedPartitions.setValue(5);

    assertThat(describe(new BrokerHealthProbe(server, 2).ready()))
        .containsExactly(
            "broker_state ok RUNNING",
            "offline_log_dirs FAIL 1 offline",
            "controller_known FAIL no controller",
            "under_replicated_partitions FAIL 5 (max 2)");
  }

  @Test
  void nothingRegisteredYetIsNeitherLiveNorReady() {
    BrokerHealthProbe probe = new BrokerHealthProbe(server, null);
    assertThat(describe(probe.live())).containsExactly("broker_state FAIL MBean not registered");
    assertThat(describe(probe.ready()))
        .containsExactly(
            "broker_state FAIL MBean not registered",
            "offline_log_dirs FAIL MBean not registered",
            "controller_known FAIL MBean not registered");
  }

  @Test
  void aControllerOnlyNodeIsJudgedByItsControllerBeans() {
    register(server, "kafka.controller:type=KafkaController,name=ActiveControllerCount", new FakeGauge(1));
    register(server, "kafka.server:type=MetadataLoader,name=CurrentControllerId", new FakeGauge(3000));
    BrokerHealthProbe probe = new BrokerHealthProbe(server, 0);

    assertThat(describe(probe.live())).containsExactly("controller_only ok no broker role; KafkaController MBeans answer");
    assertThat(describe(probe.ready()))
        .containsExactly(
            "controller_only ok no broker role; KafkaController MBeans answer", "controller_known ok controller 3000");
  }

  @Test
  void anUnreadableBrokerStateIsNotLive() {
    register(server, "kafka.server:type=KafkaServer,name=BrokerState", new ScriptedBean().with("Value", 3).throwOnSingle());
    assertThat(describe(new BrokerHealthProbe(server, null).live()))
        .containsExactly("broker_state FAIL unreadable: RuntimeMBeanException");
  }

  private static List<String> describe(HealthReport report) {
    List<String> lines = new ArrayList<>();
    for (HealthCheck check : report.checks()) {
      lines.add(check.name() + " " + (check.ok() ? "ok" : "FAIL") + " " + check.detail());
    }
    return lines;
  }
}
