package dev.brokerwatch.agent.jmx;

/** The attributes of one MBean, read from the object behind it (see {@link InProcessReads}). */
public interface InProcessRead {
  /**
   * Fills {@code values[0..n)} with the attributes given to {@link InProcessReads#find}, in that
   * order, as the MBean would answer them: the same boxed types, and {@link
   * ReadFailure#ATTRIBUTE_UNAVAILABLE} where the MBean's getter would throw (its bulk read leaves
   * such an attribute out). Never throws.
   *
   * @return false, with nothing read, when the object is no longer the one registered under the
   *     MBean's name (removed, or replaced): then the MBean server must be asked
   */
  boolean read(Object[] values);
}
