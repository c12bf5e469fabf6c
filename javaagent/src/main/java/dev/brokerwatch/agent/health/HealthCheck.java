package dev.brokerwatch.agent.health;

import java.util.Objects;

/** One named check of a health report, with a short human detail. */
public final class HealthCheck {
  private final String name;
  private final boolean ok;
  private final String detail;

  public HealthCheck(String name, boolean ok, String detail) {
    this.name = Objects.requireNonNull(name, "name");
    this.ok = ok;
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  public String name() {
    return name;
  }

  public boolean ok() {
    return ok;
  }

  public String detail() {
    return detail;
  }
}
