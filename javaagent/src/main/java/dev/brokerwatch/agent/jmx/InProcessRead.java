package dev.brokerwatch.agent.jmx;

/**
 * The attributes of one MBean, read from the object behind it (see {@link InProcessReads}). It holds
 * the object the MBean holds, for as long as the MBean's registration lasts (the scrape plan that
 * keeps it is rebuilt when MBeans come or go), so it reads what the MBean server would read.
 */
public interface InProcessRead {
  /**
   * Fills {@code values[0..n)} with the attributes given to {@link InProcessReads#find}, in that
   * order, as the MBean server would answer them: the same boxed types, and a {@link ReadFailure}
   * where the MBean's getter would throw. Never throws.
   */
  void read(Object[] values);
}
