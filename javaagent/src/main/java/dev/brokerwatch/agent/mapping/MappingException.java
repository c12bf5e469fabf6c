package dev.brokerwatch.agent.mapping;

/** A mapping that cannot be loaded; the message reads {@code <file>:<line>: <problem>}. */
public final class MappingException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final int line;
  private final String problem;

  public MappingException(String sourceName, int line, String problem) {
    super(sourceName + ":" + line + ": " + problem);
    this.sourceName = sourceName;
    this.line = line;
    this.problem = problem;
  }

  public String sourceName() {
    return sourceName;
  }

  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }
}
