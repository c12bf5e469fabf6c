package dev.brokerwatch.agent.mapping;

import java.util.Objects;

/** A {@code cgroup <field>} source: one container memory value, no labels. */
public final class CgroupSource implements MetricSource {
  private final CgroupField field;
  private final int line;

  public CgroupSource(CgroupField field, int line) {
    this.field = Objects.requireNonNull(field, "field");
    this.line = line;
  }

  public CgroupField field() {
    return field;
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public String toString() {
    return "cgroup " + field.keyword();
  }
}
