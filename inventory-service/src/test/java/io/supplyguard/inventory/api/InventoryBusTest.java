package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The inventory-service alone on a fresh database, for the tests of a class that need no licence decision. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InventoryBusTest {
  protected BusClient bus;

  @BeforeAll
  void startService(Vertx vertx, VertxTestContext test) {
    bus = new BusClient(vertx, Duration.ofSeconds(5));
    TestServices.start(vertx, new InventoryService(), TestPostgres.newDatabase(), Clock.systemUTC())
        .onComplete(test.succeedingThenComplete());
  }
}
