package io.supplyguard.inventory;

import io.supplyguard.common.bootstrap.ServiceContext;
import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.db.Database;
import io.supplyguard.inventory.api.InventoryVerticle;
import io.supplyguard.inventory.config.InventorySettings;
import io.vertx.core.Future;

/** The inventory-service: owner of materials, sites, stock positions and their recommendations (schema {@code inventory}). */
public final class InventoryService implements ServiceDefinition {
  public static final String NAME = "inventory-service";
  static final String SCHEMA = "inventory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<?> start(ServiceContext context) {
    // Read before the database is opened: a bad value stops the service before it touches it.
    InventorySettings settings = InventorySettings.from(context.settings());
    return Database.open(context, SCHEMA).compose(pool -> context.vertx().deployVerticle(
        new InventoryVerticle(pool, settings, context.clock(), context.metrics())));
  }
}
