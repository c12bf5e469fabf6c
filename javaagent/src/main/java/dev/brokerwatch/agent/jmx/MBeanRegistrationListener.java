package dev.brokerwatch.agent.jmx;

import javax.management.InstanceNotFoundException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationListener;

/**
 * Keeps an {@link ObjectNameIndex} current from the MBean server delegate's registration and
 * unregistration notifications. These arrive on the thread that registers the MBean, which is a
 * broker thread: the work is a few pattern matches, and nothing is ever thrown back.
 */
public final class MBeanRegistrationListener implements NotificationListener {
  private final ObjectNameIndex index;

  public MBeanRegistrationListener(ObjectNameIndex index) {
    this.index = index;
  }

  /** Starts listening; call before {@link ObjectNameIndex#resolveAll} so no registration is missed. */
  public void install(MBeanServer server) throws InstanceNotFoundException {
    server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this, null, null);
  }

  /** Stops listening; quiet when already removed. */
  public void uninstall(MBeanServer server) {
    try {
      server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this);
    } catch (InstanceNotFoundException | ListenerNotFoundException e) {
      // already gone: nothing to undo
    }
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!(notification instanceof MBeanServerNotification)) {
      return;
    }
    try {
      MBeanServerNotification change = (MBeanServerNotification) notification;
      String type = change.getType();
      if (MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(type)) {
        index.add(change.getMBeanName());
      } else if (MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(type)) {
        index.remove(change.getMBeanName());
      }
    } catch (RuntimeException e) {
      // never fail an MBean registration in the broker; a stale entry costs a bean_gone sample at worst
    }
  }
}
