package dev.brokerwatch.agent.jmx;

import java.util.List;
import javax.management.ObjectName;

/**
 * The MBean index compared with the MBean server at one moment: the MBeans the index holds, the
 * registered MBeans that some pattern matches, and the differences either way (a few names of each,
 * by ObjectName order). After a change settles both differences are empty; anything else means a
 * registration or unregistration was missed.
 */
public final class IndexCheck {
  /** At most this many names of each difference are kept. */
  public static final int NAMES_SHOWN = 10;

  private final int indexed;
  private final int registered;
  private final int missingCount;
  private final int staleCount;
  private final List<ObjectName> missing;
  private final List<ObjectName> stale;

  IndexCheck(int indexed, int registered, int missingCount, List<ObjectName> missing, int staleCount,
      List<ObjectName> stale) {
    this.indexed = indexed;
    this.registered = registered;
    this.missingCount = missingCount;
    this.missing = missing;
    this.staleCount = staleCount;
    this.stale = stale;
  }

  /** MBeans in the index. */
  public int indexed() {
    return indexed;
  }

  /** Registered MBeans that at least one pattern of the mapping matches. */
  public int registered() {
    return registered;
  }

  /** Registered and matched, but not in the index (their metrics would be missing). */
  public int missingCount() {
    return missingCount;
  }

  /** In the index, but no longer registered (each would cost a read that fails). */
  public int staleCount() {
    return staleCount;
  }

  /** Up to {@link #NAMES_SHOWN} of the missing MBeans. */
  public List<ObjectName> missing() {
    return missing;
  }

  /** Up to {@link #NAMES_SHOWN} of the stale MBeans. */
  public List<ObjectName> stale() {
    return stale;
  }

  public boolean consistent() {
    return missingCount == 0 && staleCount == 0;
  }
}
