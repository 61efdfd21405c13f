package io.supplyguard.inventory.api;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;

/** The date a request asks about: its {@code asOf}, which the bus contract has checked, or today. */
final class AsOf {

  private AsOf() {
  }

  static LocalDate of(JsonObject body, Clock clock) {
    String given = body.getString("asOf");
    return given != null ? LocalDate.parse(given) : LocalDate.now(clock);
  }
}
