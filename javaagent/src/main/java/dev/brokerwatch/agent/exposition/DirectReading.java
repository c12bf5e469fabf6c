package dev.brokerwatch.agent.exposition;

/** The values of one pass of a {@link DirectExposition}; close it when nobody writes it any more. */
public interface DirectReading extends AutoCloseable {
  @Override
  void close();
}
