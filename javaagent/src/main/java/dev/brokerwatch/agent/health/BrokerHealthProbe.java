package dev.brokerwatch.agent.health;

import java.util.ArrayList;
import java.util.List;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Judges liveness and readiness from the broker's own MBeans.
 *
 * <ul>
 *   <li>live: BrokerState is readable and not PENDING_CONTROLLED_SHUTDOWN or SHUTTING_DOWN.
 *   <li>ready: BrokerState is RUNNING, OfflineLogDirectoryCount is 0, a controller is known
 *       (MetadataLoader CurrentControllerId &gt;= 0) and, when a maximum is configured,
 *       UnderReplicatedPartitions does not exceed it.
 * </ul>
 *
 * A controller-only node has no BrokerState. It counts as live while its KafkaController MBean
 * answers, and as ready when it also knows the active controller; the broker-only checks are left
 * out for it.
 */
public final class BrokerHealthProbe {
  static final ObjectName BROKER_STATE = name("kafka.server:type=KafkaServer,name=BrokerState");
  static final ObjectName OFFLINE_LOG_DIRS = name("kafka.log:type=LogManager,name=OfflineLogDirectoryCount");
  static final ObjectName CURRENT_CONTROLLER = name("kafka.server:type=MetadataLoader,name=CurrentControllerId");
  static final ObjectName UNDER_REPLICATED = name("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions");
  static final ObjectName ACTIVE_CONTROLLER_COUNT =
      name("kafka.controller:type=KafkaController,name=ActiveControllerCount");

  private static final String VALUE = "Value";

  private final MBeanServer server;
  private final Integer maxUnderReplicated;

  /** {@code maxUnderReplicated} null disables the under-replicated check. */
  public BrokerHealthProbe(MBeanServer server, Integer maxUnderReplicated) {
    this.server = server;
    this.maxUnderReplicated = maxUnderReplicated;
  }

  public HealthReport live() {
    List<HealthCheck> checks = new ArrayList<>(1);
    Reading state = read(BROKER_STATE);
    if (state.missing && isControllerOnly()) {
      checks.add(controllerOnlyCheck());
    } else if (state.number == null) {
      checks.add(new HealthCheck("broker_state", false, state.problem));
    } else {
      int value = state.number.intValue();
      checks.add(new HealthCheck("broker_state", !BrokerState.isShuttingDown(value), BrokerState.name(value)));
    }
    return new HealthReport(checks);
  }

  public HealthReport ready() {
    List<HealthCheck> checks = new ArrayList<>(4);
    Reading state = read(BROKER_STATE);
    if (state.missing && isControllerOnly()) {
      checks.add(controllerOnlyCheck());
      checks.add(controllerKnownCheck());
      return new HealthReport(checks);
    }
    if (state.number == null) {
      checks.add(new HealthCheck("broker_state", false, state.problem));
    } else {
      int value = state.number.intValue();
      checks.add(new HealthCheck("broker_state", value == BrokerState.RUNNING, BrokerState.name(value)));
    }
    Reading offline = read(OFFLINE_LOG_DIRS);
    if (offline.number == null) {
      checks.add(new HealthCheck("offline_log_dirs", false, offline.problem));
    } else {
      long count = offline.number.longValue();
      checks.add(new HealthCheck("offline_log_dirs", count == 0, count + " offline"));
    }
    checks.add(controllerKnownCheck());
    if (maxUnderReplicated != null) {
      Reading urp = read(UNDER_REPLICATED);
      if (urp.number == null) {
        checks.add(new HealthCheck("under_replicated_partitions", false, urp.problem));
      } else {
        long count = urp.number.longValue();
        checks.add(
            new HealthCheck(
                "under_replicated_partitions", count <= maxUnderReplicated, count + " (max " + maxUnderReplicated + ")"));
      }
    }
    return new HealthReport(checks);
  }

  private HealthCheck controllerKnownCheck() {
    Reading controller = read(CURRENT_CONTROLLER);
    if (controller.number == null) {
      return new HealthCheck("controller_known", false, controller.problem);
    }
    long id = controller.number.longValue();
    return new HealthCheck("controller_known", id >= 0, id >= 0 ? "controller " + id : "no controller");
  }

  private static HealthCheck controllerOnlyCheck() {
    return new HealthCheck("controller_only", true, "no broker role; KafkaController MBeans answer");
  }

  private boolean isControllerOnly() {
    return read(ACTIVE_CONTROLLER_COUNT).number != null;
  }

  private Reading read(ObjectName name) {
    try {
      Object value = server.getAttribute(name, VALUE);
      if (value instanceof Number) {
        return new Reading((Number) value, false, null);
      }
      return new Reading(null, false, "unexpected value " + (value == null ? "null" : value.getClass().getSimpleName()));
    } catch (InstanceNotFoundException e) {
      return new Reading(null, true, "MBean not registered");
    } catch (Exception | LinkageError e) {
      return new Reading(null, false, "unreadable: " + e.getClass().getSimpleName());
    }
  }

  private static ObjectName name(String text) {
    try {
      return new ObjectName(text);
    } catch (MalformedObjectNameException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The outcome of reading one {@code Value} attribute. */
  private static final class Reading {
    final Number number;
    final boolean missing;
    final String problem;

    Reading(Number number, boolean missing, String problem) {
      this.number = number;
      this.missing = missing;
      this.problem = problem;
    }
  }
}
