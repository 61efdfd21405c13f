package io.supplyguard.common.bootstrap;

import io.supplyguard.common.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import java.time.Clock;

/**
 * What a starting service is given: its Vert.x, its configuration, the readiness checks it
 * adds to, and the clock it reads the date from (tests pass a fixed one).
 */
public record ServiceContext(Vertx vertx, Settings settings, HealthChecks readiness, Clock clock) {
}
