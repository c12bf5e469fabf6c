package dev.brokerwatch.agent.http;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket for password verifications, shared by all clients: PBKDF2 is slow on purpose, so a
 * flood of wrong guesses would otherwise buy as much of the broker's CPU as it asks for.
 */
final class VerificationBudget {
  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  VerificationBudget(double perSecond, int burst) {
    this(perSecond, burst, System::nanoTime);
  }

  VerificationBudget(double perSecond, int burst, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /** True, and one verification spent, when the budget allows one now. */
  synchronized boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perSecond / TimeUnit.SECONDS.toNanos(1));
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
