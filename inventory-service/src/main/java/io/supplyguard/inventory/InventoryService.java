package io.supplyguard.inventory;

import io.supplyguard.common.bootstrap.ServiceContext;
import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.db.Database;
import io.supplyguard.inventory.api.InventoryVerticle;
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
    return Database.open(context, SCHEMA).compose(pool -> context.vertx().deployVerticle(
        new InventoryVerticle(pool, context.settings(), context.clock(), context.metrics())));
  }
}
