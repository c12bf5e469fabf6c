package dev.brokerwatch.agent.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanInfo;

/**
 * A dynamic MBean that misbehaves on request: its bulk read can throw, its single reads can throw,
 * and its bulk read can silently drop attributes, as the MBean server does for failing getters.
 */
public final class ScriptedBean extends ReadOnlyBean {
  private final Map<String, Object> values = new LinkedHashMap<>();
  private volatile boolean throwOnBulk;
  private volatile boolean throwOnSingle;
  private volatile Set<String> droppedFromBulk = java.util.Collections.emptySet();

  public ScriptedBean with(String attribute, Object value) {
    values.put(attribute, value);
    return this;
  }

  public ScriptedBean throwOnBulk() {
    throwOnBulk = true;
    return this;
  }

  public ScriptedBean throwOnSingle() {
    throwOnSingle = true;
    return this;
  }

  public ScriptedBean dropFromBulk(Set<String> attributes) {
    droppedFromBulk = attributes;
    return this;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    if (throwOnSingle) {
      throw new IllegalStateException("getter failed");
    }
    if (!values.containsKey(attribute)) {
      throw new AttributeNotFoundException(attribute);
    }
    return values.get(attribute);
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    if (throwOnBulk) {
      throw new IllegalStateException("bulk read failed");
    }
    AttributeList list = new AttributeList();
    for (String attribute : attributes) {
      if (values.containsKey(attribute) && !droppedFromBulk.contains(attribute)) {
        list.add(new Attribute(attribute, values.get(attribute)));
      }
    }
    return list;
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    return infoOf("scripted", values.keySet());
  }
}
