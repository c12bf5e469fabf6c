package dev.brokerwatch.agent.testing;

import java.util.Collection;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;

/**
 * The half of a test's dynamic MBean that the agent never uses: attributes cannot be set and nothing
 * can be invoked, as with Kafka's metric MBeans. Subclasses read.
 */
public abstract class ReadOnlyBean implements DynamicMBean {

  @Override
  public final void setAttribute(Attribute attribute) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public final Object invoke(String actionName, Object[] params, String[] signature) {
    throw new UnsupportedOperationException();
  }

  /** An MBeanInfo that lists {@code attributes} as readable attributes of any type. */
  protected final MBeanInfo infoOf(String description, Collection<String> attributes) {
    MBeanAttributeInfo[] infos = attributes.stream()
        .map(name -> new MBeanAttributeInfo(name, "java.lang.Object", name, true, false, false))
        .toArray(MBeanAttributeInfo[]::new);
    return new MBeanInfo(getClass().getName(), description, infos, null, null, null);
  }
}
