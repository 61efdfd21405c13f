package io.supplyguard.gateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.config.Settings;
import io.vertx.core.Vertx;

/** The two services behind the gateway, each with its own send timeout and circuit. */
public record Downstreams(Downstream licence, Downstream inventory) {

  public static Downstreams create(Vertx vertx, Settings settings, MeterRegistry registry) {
    CircuitSettings circuit = CircuitSettings.from(settings);
    return new Downstreams(
        new Downstream(vertx, "licence-service", settings.millis("GATEWAY_LICENCE_TIMEOUT_MS"), circuit, registry),
        new Downstream(vertx, "inventory-service", settings.millis("GATEWAY_INVENTORY_TIMEOUT_MS"), circuit, registry));
  }
}
