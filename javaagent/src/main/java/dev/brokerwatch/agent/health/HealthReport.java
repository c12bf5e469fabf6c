package dev.brokerwatch.agent.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The checks of /health/live or /health/ready, in a fixed order; UP only when all pass. */
public final class HealthReport {
  private final List<HealthCheck> checks;

  public HealthReport(List<HealthCheck> checks) {
    this.checks = Collections.unmodifiableList(new ArrayList<>(checks));
  }

  public List<HealthCheck> checks() {
    return checks;
  }

  public boolean ok() {
    for (HealthCheck check : checks) {
      if (!check.ok()) {
        return false;
      }
    }
    return true;
  }

  /** {@code UP} or {@code DOWN}. */
  public String status() {
    return ok() ? "UP" : "DOWN";
  }
}
