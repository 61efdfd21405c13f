package io.supplyguard.gateway.webhooks;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: {@code base * factor^(attempt-1)}, capped at
 * {@code max}, less a random part of up to a fifth (jitter, so that receivers that failed
 * together are not retried together); none after {@code maxAttempts}. With a factor above
 * 1.25 each delay is longer than the one before, whatever the jitter.
 */
public record Backoff(Duration base, double factor, Duration max, int maxAttempts) {
  static final double JITTER = 0.2;

  public Backoff {
    if (base.isNegative() || base.isZero() || factor < 1 || max.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("Backoff needs base > 0, factor >= 1, max >= base and maxAttempts >= 1");
    }
  }

  /**
   * The delay before attempt {@code failedAttempt + 1}, or none when {@code failedAttempt} was the last.
   *
   * @param random a number in [0, 1): where the delay falls within its jitter
   */
  public Optional<Duration> afterFailed(int failedAttempt, DoubleSupplier random) {
    if (failedAttempt >= maxAttempts) {
      return Optional.empty();
    }
    double exponential = base.toMillis() * Math.pow(factor, failedAttempt - 1);
    double capped = Math.min(exponential, max.toMillis());
    return Optional.of(Duration.ofMillis(Math.round(capped * (1 - JITTER * random.getAsDouble()))));
  }
}
