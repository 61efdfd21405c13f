package io.supplyguard.inventory.testing;

import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;

/**
 * The licence-service, then the inventory-service, on one database and one clock: the inventory's recommendations ask
 * the real licence-service for their supply conditions, so it is there before the inventory starts computing.
 */
public final class BothServices {
  private BothServices() {
  }

  /** Answers a bus client to them once both are up. */
  public static Future<BusClient> start(Vertx vertx, JsonObject db, Clock clock, Duration timeout) {
    return TestServices.start(vertx, new LicenceService(), db, clock)
        .compose(v -> TestServices.start(vertx, new InventoryService(), db, clock))
        .map(v -> new BusClient(vertx, timeout));
  }
}
