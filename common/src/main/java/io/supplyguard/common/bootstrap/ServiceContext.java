package io.supplyguard.common.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import java.time.Clock;

/**
 * What a starting service is given: its Vert.x, its configuration, the readiness checks it
 * adds to, the registry its own metrics go to, and the clock it reads the date from (tests
 * pass one they can move).
 */
public record ServiceContext(Vertx vertx, Settings settings, HealthChecks readiness, MeterRegistry metrics,
    Clock clock) {
}
