package io.supplyguard.inventory.api;

import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.StartedOncePerClass;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/** Both services on one fresh database for all the tests of a class ({@link BufferBus}), today Monday 2026-11-30. */
abstract class BufferBusTest extends StartedOncePerClass {
  private final JsonObject overrides;
  protected BufferBus platform;

  /** @param overrides settings the class needs on top of the database's, e.g. a faster outbox */
  protected BufferBusTest(JsonObject overrides) {
    this.overrides = overrides;
  }

  @Override
  protected Future<?> start(Vertx vertx) {
    return BufferBus.start(vertx, MutableClock.at(LocalDate.parse("2026-11-30")), overrides)
        .onSuccess(started -> platform = started);
  }
}
