package io.supplyguard.gateway;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;

/**
 * How many instances of the HTTP verticle a gateway runs, each on its own event loop: one event
 * loop cannot use more than one core, so by default there is one per core the JVM may use (in a
 * container, what its CPU limit allows). {@code GATEWAY_INSTANCES} unset or 0 means that default.
 */
final class GatewayInstances {
  static final String KEY = "GATEWAY_INSTANCES";

  private GatewayInstances() {
  }

  static int from(Settings settings) {
    int configured = settings.optional(KEY).isEmpty() ? 0 : settings.integer(KEY);
    if (configured < 0) {
      throw new InvalidConfigException(KEY, "must be 0 (one per core) or more, was " + configured);
    }
    return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
  }
}
