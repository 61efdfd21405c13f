package io.supplyguard.gateway.resilience;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import java.time.Duration;

/** How every downstream's circuit behaves: failures in a row that open it, and how long it stays open. */
record CircuitSettings(int maxFailures, Duration resetTimeout) {
  static final String MAX_FAILURES = "GATEWAY_CIRCUIT_MAX_FAILURES";
  static final String RESET_MS = "GATEWAY_CIRCUIT_RESET_MS";

  static CircuitSettings from(Settings settings) {
    int maxFailures = settings.integer(MAX_FAILURES);
    if (maxFailures < 1) {
      throw new InvalidConfigException(MAX_FAILURES, "must be at least 1, was " + maxFailures);
    }
    return new CircuitSettings(maxFailures, settings.millis(RESET_MS));
  }
}
