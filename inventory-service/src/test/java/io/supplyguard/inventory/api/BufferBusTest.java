package io.supplyguard.inventory.api;

import io.supplyguard.common.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Both services on one fresh database for all the tests of a class ({@link BufferBus}), today Monday 2026-11-30. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BufferBusTest {
  private final JsonObject overrides;
  protected BufferBus platform;

  /** @param overrides settings the class needs on top of the database's, e.g. a faster outbox */
  protected BufferBusTest(JsonObject overrides) {
    this.overrides = overrides;
  }

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    BufferBus.start(vertx, MutableClock.at(LocalDate.parse("2026-11-30")), overrides)
        .onComplete(test.succeeding(started -> {
          platform = started;
          test.completeNow();
        }));
  }
}
