package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.testing.StartedOncePerClass;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/** The inventory-service alone on a fresh database, for the tests of a class that need no licence decision. */
abstract class InventoryBusTest extends StartedOncePerClass {
  protected BusClient bus;

  @Override
  protected Future<?> start(Vertx vertx) {
    bus = new BusClient(vertx, Duration.ofSeconds(5));
    return TestServices.start(vertx, new InventoryService(), TestPostgres.newDatabase(), Clock.systemUTC());
  }
}
