package io.supplyguard.licence;

import io.supplyguard.common.bootstrap.ServiceContext;
import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.db.Database;
import io.supplyguard.licence.config.LicenceSettings;
import io.vertx.core.Future;

/** The licence-service: owner of the regime and the licence registry (schema {@code licence}). */
public final class LicenceService implements ServiceDefinition {
  public static final String NAME = "licence-service";
  static final String SCHEMA = "licence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<?> start(ServiceContext context) {
    // Read before the database is opened: a bad value stops the service before it touches it.
    LicenceSettings settings = LicenceSettings.from(context.settings());
    return Database.open(context, SCHEMA).compose(pool -> context.vertx().deployVerticle(
        new LicenceVerticle(pool, settings, context.clock(), context.metrics())));
  }
}
