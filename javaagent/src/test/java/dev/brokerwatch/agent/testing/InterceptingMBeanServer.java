package dev.brokerwatch.agent.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A real MBean server seen through a proxy that counts calls per method and can pretend an MBean
 * has just vanished (as when it is unregistered between indexing and reading).
 */
public final class InterceptingMBeanServer implements InvocationHandler {
  private final MBeanServer target = MBeanServerFactory.newMBeanServer();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<ObjectName> vanished = ConcurrentHashMap.newKeySet();
  private final MBeanServer proxy =
      (MBeanServer)
          Proxy.newProxyInstance(
              InterceptingMBeanServer.class.getClassLoader(), new Class<?>[] {MBeanServer.class}, this);

  /** The server to hand to the code under test. */
  public MBeanServer server() {
    return proxy;
  }

  /** The real server behind it, for registering without counting. */
  public MBeanServer target() {
    return target;
  }

  public int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  /**
   * From now on reads of {@code name} fail with InstanceNotFoundException and {@code isRegistered}
   * says false, registered or not.
   */
  public void vanish(ObjectName name) {
    vanished.add(name);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
    if ((method.getName().equals("getAttributes") || method.getName().equals("getAttribute"))
        && vanished.contains(args[0])) {
      throw new InstanceNotFoundException(String.valueOf(args[0]));
    }
    if (method.getName().equals("isRegistered") && vanished.contains(args[0])) {
      return false;
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
