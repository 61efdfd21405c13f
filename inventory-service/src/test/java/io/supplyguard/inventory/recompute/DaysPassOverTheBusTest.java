package io.supplyguard.inventory.recompute;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.inventory.testing.BothServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * As days pass, a suspension's end moves into a position's horizon and its condition changes
 * with no event at all: the daily recompute catches it on time, and after a restart.
 */
class DaysPassOverTheBusTest {
  private static final BusClient.Caller TENANT = new BusClient.Caller("r", "t-days", Role.TENANT);

  @Test
  @DisplayName("a holmium position with a 60-day lead time turns LICENCE_REQUIRED once 2026-11-10 falls inside its horizon")
  void suspensionEndEntersTheHorizon() throws Exception {
    JsonObject db = TestPostgres.newDatabase().put("TIME_TICK_MS", "100").put("OUTBOX_FLUSH_MS", "100");
    MutableClock clock = MutableClock.at(LocalDate.parse("2026-09-01"));
    Vertx first = Vertx.vertx();
    try {
      BusClient bus = start(first, db, clock);
      Await.result(bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", "plant-1").put("name", "P1"), TENANT));
      JsonObject reply = Await.result(bus.request(Addresses.POSITIONS_UPSERT, holmium(), TENANT));
      assertThat(reply.getJsonObject("recommendation").getString("condition")).isEqualTo("NOT_CONTROLLED");
      assertThat(reply.getJsonObject("recommendation").getString("status")).isEqualTo("OK");

      clock.set(LocalDate.parse("2026-09-15"));
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "LICENCE_REQUIRED".equals(stored(bus)
          .getString("condition")));
      assertThat(stored(bus).getString("asOf")).isEqualTo("2026-09-15");
      JsonObject alert = Await.result(bus.request(Addresses.ALERTS_LIST, new JsonObject(), TENANT)).getJsonArray("alerts")
          .getJsonObject(0);
      assertThat(alert.getString("fromStatus") + ">" + alert.getString("toStatus")).isEqualTo("OK>REORDER");
    } finally {
      Await.result(first.close());
    }

    // Restarted weeks later: the stale recommendation is recomputed at start.
    Vertx second = Vertx.vertx();
    try {
      BusClient bus = start(second, db, MutableClock.at(LocalDate.parse("2026-10-20")));
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "2026-10-20".equals(stored(bus).getString("asOf")));
    } finally {
      Await.result(second.close());
    }
  }

  private static BusClient start(Vertx vertx, JsonObject db, MutableClock clock) throws Exception {
    return Await.result(BothServices.start(vertx, db, clock, Duration.ofSeconds(10)));
  }

  private static JsonObject holmium() {
    return new JsonObject().put("siteId", "plant-1").put("materialId", "ho-oxide").put("onHand", 900).put("onOrder", 0)
        .put("demandMeanPerDay", 10).put("demandStdPerDay", 4).put("leadTimeMeanDays", 60).put("leadTimeStdDays", 5)
        .put("orderQuantity", 300).put("endUse", "CIVIL").put("destination", "DE");
  }

  private static JsonObject stored(BusClient bus) throws Exception {
    return Await.result(bus.request(Addresses.RECOMMENDATIONS_LIST, new JsonObject(), TENANT)).getJsonArray("recommendations")
        .getJsonObject(0);
  }

}
