package dev.brokerwatch.agent.jmx;

import javax.management.ObjectName;

/**
 * One bulk read of a scrape: the MBean, the union of attributes its metrics need, who uses them and,
 * when the object behind the MBean can be read directly, how.
 */
final class BeanRead {
  private final ObjectName name;
  private final String[] attributes;
  private final SampleTarget[] targets;
  private final InProcessRead inProcess;

  BeanRead(ObjectName name, String[] attributes, SampleTarget[] targets, InProcessRead inProcess) {
    this.name = name;
    this.attributes = attributes;
    this.targets = targets;
    this.inProcess = inProcess;
  }

  ObjectName name() {
    return name;
  }

  String[] attributes() {
    return attributes;
  }

  SampleTarget[] targets() {
    return targets;
  }

  /** The read without the MBean server, or null when the MBean server is asked. */
  InProcessRead inProcess() {
    return inProcess;
  }
}
