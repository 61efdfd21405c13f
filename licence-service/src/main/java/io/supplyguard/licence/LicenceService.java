package io.supplyguard.licence;

import io.supplyguard.common.bootstrap.ServiceContext;
import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.db.Database;
import io.supplyguard.licence.api.RegimeVerticle;
import io.supplyguard.licence.store.RegimeRepository;
import io.vertx.core.Future;

/** The licence-service: owner of the regime (schema {@code licence}). */
public final class LicenceService implements ServiceDefinition {
  public static final String NAME = "licence-service";
  static final String SCHEMA = "licence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<?> start(ServiceContext context) {
    return Database.open(context, SCHEMA)
        .compose(pool -> context.vertx().deployVerticle(new RegimeVerticle(new RegimeRepository(pool),
            context.clock(), context.settings().millis("SHUTDOWN_GRACE_MS"))));
  }
}
