package dev.brokerwatch.agent.jmx;

import javax.management.ObjectName;

/** One bulk read of a scrape: the MBean, the union of attributes its metrics need, and who uses them. */
final class BeanRead {
  private final ObjectName name;
  private final String[] attributes;
  private final SampleTarget[] targets;

  BeanRead(ObjectName name, String[] attributes, SampleTarget[] targets) {
    this.name = name;
    this.attributes = attributes;
    this.targets = targets;
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
}
