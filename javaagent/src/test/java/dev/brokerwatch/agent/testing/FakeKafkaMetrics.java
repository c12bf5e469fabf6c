package dev.brokerwatch.agent.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanInfo;

/**
 * An MBean of Kafka's own metrics, such as {@code kafka.server:type=raft-metrics}: dynamic, since
 * its attributes are metric names with hyphens ({@code current-state}), which a standard MBean
 * cannot have. Values may be any object or null, and may change while it is registered.
 */
public final class FakeKafkaMetrics extends ReadOnlyBean {
  private final Map<String, Object> values = Collections.synchronizedMap(new LinkedHashMap<>());

  public FakeKafkaMetrics set(String attribute, Object value) {
    values.put(attribute, value);
    return this;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    synchronized (values) {
      if (!values.containsKey(attribute)) {
        throw new AttributeNotFoundException(attribute);
      }
      return values.get(attribute);
    }
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    AttributeList list = new AttributeList();
    synchronized (values) {
      for (String attribute : attributes) {
        if (values.containsKey(attribute)) {
          list.add(new Attribute(attribute, values.get(attribute)));
        }
      }
    }
    return list;
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    synchronized (values) {
      return infoOf("Kafka metrics", List.copyOf(values.keySet()));
    }
  }
}
