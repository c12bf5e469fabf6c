package dev.brokerwatch.agent.jmx;

import java.util.Arrays;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads all attributes a scrape needs from one MBean with a single {@code getAttributes} call, and
 * falls back to {@code getAttribute} one by one only when the bulk call throws. Nothing is thrown to
 * the caller: an attribute that cannot be read is left as a {@link ReadFailure} in its slot.
 */
final class BulkAttributeReader {
  private final MBeanServer server;

  BulkAttributeReader(MBeanServer server) {
    this.server = server;
  }

  /**
   * Fills {@code values[0..attributes.length)} with the attribute values or {@link ReadFailure}s.
   *
   * @return false when the MBean is no longer registered
   */
  boolean read(ObjectName name, String[] attributes, Object[] values) {
    AttributeList list;
    try {
      list = server.getAttributes(name, attributes);
    } catch (InstanceNotFoundException e) {
      Arrays.fill(values, 0, attributes.length, ReadFailure.BEAN_GONE);
      return false;
    } catch (Exception | LinkageError e) {
      return readOneByOne(name, attributes, values);
    }
    fill(list, attributes, values);
    return true;
  }

  /** Matches returned attributes to slots; the bulk call silently drops attributes it failed to read. */
  private static void fill(AttributeList list, String[] attributes, Object[] values) {
    int size = list.size();
    if (size == attributes.length && inOrder(list, attributes)) {
      for (int i = 0; i < size; i++) {
        values[i] = ((Attribute) list.get(i)).getValue();
      }
      return;
    }
    Arrays.fill(values, 0, attributes.length, ReadFailure.ATTRIBUTE_UNAVAILABLE);
    for (int i = 0; i < size; i++) {
      Object element = list.get(i);
      if (!(element instanceof Attribute)) {
        continue;
      }
      Attribute attribute = (Attribute) element;
      for (int slot = 0; slot < attributes.length; slot++) {
        if (attributes[slot].equals(attribute.getName())) {
          values[slot] = attribute.getValue();
          break;
        }
      }
    }
  }

  private static boolean inOrder(AttributeList list, String[] attributes) {
    for (int i = 0; i < attributes.length; i++) {
      Object element = list.get(i);
      if (!(element instanceof Attribute) || !attributes[i].equals(((Attribute) element).getName())) {
        return false;
      }
    }
    return true;
  }

  private boolean readOneByOne(ObjectName name, String[] attributes, Object[] values) {
    for (int i = 0; i < attributes.length; i++) {
      try {
        values[i] = server.getAttribute(name, attributes[i]);
      } catch (InstanceNotFoundException e) {
        Arrays.fill(values, i, attributes.length, ReadFailure.BEAN_GONE);
        return false;
      } catch (AttributeNotFoundException e) {
        values[i] = ReadFailure.ATTRIBUTE_UNAVAILABLE;
      } catch (Exception | LinkageError e) {
        values[i] = ReadFailure.READ_FAILED;
      }
    }
    return true;
  }
}
