package dev.brokerwatch.agent.testing;

import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** Registering and naming test MBeans without checked-exception noise. */
public final class Beans {
  private Beans() {}

  public static ObjectName name(String text) {
    try {
      return new ObjectName(text);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static void register(MBeanServer server, String name, Object bean) {
    try {
      server.registerMBean(bean, name(name));
    } catch (Exception e) {
      throw new IllegalStateException("cannot register " + name, e);
    }
  }

  public static void unregister(MBeanServer server, String name) {
    try {
      server.unregisterMBean(name(name));
    } catch (Exception e) {
      throw new IllegalStateException("cannot unregister " + name, e);
    }
  }
}
