package io.supplyguard.inventory.recompute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.inventory.testing.BothServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database upgraded from the version-1 model: its stored recommendations (model_version 1, no
 * target, futures or branches) are not served, and the first start recomputes them, the same day.
 */
class ModelUpgradeOverTheBusTest {
  private static final BusClient.Caller TENANT = new BusClient.Caller("r", "t-upgrade", Role.TENANT);
  private static final LocalDate TODAY = LocalDate.parse("2026-11-30");

  @Test
  @DisplayName("recommendations stored by version 1 are recomputed at the first start after the upgrade, to v2's figures")
  void recomputedOnceAtStart() throws Exception {
    JsonObject db = TestPostgres.newDatabase();
    Vertx first = Vertx.vertx();
    try {
      BusClient bus = start(first, db);
      Await.result(bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", "plant-1").put("name", "P1"), TENANT));
      Await.result(bus.request(Addresses.POSITIONS_UPSERT, workedExample(), TENANT));
      // What V7 leaves of a row version 1 stored: its figures (1514.48 then), model_version 1, no v2 columns.
      Pool pool = TestPostgres.pool(first, db, "inventory");
      Await.result(pool.query("UPDATE recommendation SET model_version = 1, reorder_point = 1514.48, service_measure = NULL,"
          + " service_level = NULL, futures = NULL, branches = NULL").execute());
      assertThat(Await.result(bus.request(Addresses.RECOMMENDATIONS_LIST, new JsonObject(), TENANT))
          .getJsonArray("recommendations")).as("a version-1 recommendation is not served").isEmpty();
    } finally {
      Await.result(first.close());
    }

    Vertx second = Vertx.vertx();
    try {
      BusClient bus = start(second, db);
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !list(bus).isEmpty());
      JsonObject r = list(bus).getJsonObject(0);
      assertThat(r.getString("asOf")).isEqualTo(TODAY.toString());
      assertThat(r.getDouble("reorderPoint")).isCloseTo(1642.60, within(0.01));
      Pool pool = TestPostgres.pool(second, db, "inventory");
      assertThat(Await.result(pool.query("SELECT count(*) FROM recommendation WHERE model_version = 2").execute())
          .iterator().next().getLong(0)).isEqualTo(1);
    } finally {
      Await.result(second.close());
    }
  }

  private static io.vertx.core.json.JsonArray list(BusClient bus) throws Exception {
    return Await.result(bus.request(Addresses.RECOMMENDATIONS_LIST, new JsonObject(), TENANT)).getJsonArray("recommendations");
  }

  private static BusClient start(Vertx vertx, JsonObject db) throws Exception {
    MutableClock clock = MutableClock.at(TODAY);
    return Await.result(BothServices.start(vertx, db, clock, Duration.ofSeconds(10)));
  }

  private static JsonObject workedExample() {
    return new JsonObject().put("siteId", "plant-1").put("materialId", "dy-oxide").put("onHand", 900).put("onOrder", 0)
        .put("demandMeanPerDay", 10).put("demandStdPerDay", 4).put("leadTimeMeanDays", 30).put("leadTimeStdDays", 5)
        .put("serviceLevel", 0.95).put("reviewPeriodDays", 0).put("orderQuantity", 300).put("endUse", "AUTOMOTIVE")
        .put("destination", "DE");
  }
}
