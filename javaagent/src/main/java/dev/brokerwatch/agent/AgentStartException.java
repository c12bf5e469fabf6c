package dev.brokerwatch.agent;

/** Why the agent did not start; the message is the one line printed after {@code brokerwatch: }. */
public final class AgentStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public AgentStartException(String message) {
    super(message);
  }

  public AgentStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
