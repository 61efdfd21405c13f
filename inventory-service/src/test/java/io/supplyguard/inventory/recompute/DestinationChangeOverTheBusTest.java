package io.supplyguard.inventory.recompute;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.inventory.testing.BothServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A regime change that names a destination (its denial probability) recomputes exactly the positions shipping there. */
class DestinationChangeOverTheBusTest {
  private static final BusClient.Caller TENANT = new BusClient.Caller("r", "t-dest", Role.TENANT);
  private Vertx vertx;
  private BusClient bus;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    JsonObject db = TestPostgres.newDatabase();
    Clock clock = Clock.systemUTC();
    bus = Await.result(BothServices.start(vertx, db, clock, Duration.ofSeconds(10)));
    Await.result(bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", "plant-1").put("name", "P1"), TENANT));
    for (String[] p : new String[][] {{"dy-oxide", "JP"}, {"tb-metal", "JP"}, {"ho-oxide", "DE"}}) {
      Await.result(bus.request(Addresses.POSITIONS_UPSERT, position(p[0], p[1]), TENANT));
    }
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a denial probability set for JP recomputes the two positions shipping to JP and not the one to DE")
  void recomputesThePositionsShippingThere() {
    List<JsonObject> recomputed = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.INVENTORY_RECOMPUTED, m -> recomputed.add(m.body()));
    vertx.eventBus().publish(Addresses.REGIME_CHANGED, new JsonObject().put("changeId", "c-1")
        .put("change", "DENIAL_PROBABILITY_SET").put("destination", "JP"));
    // The service's own check for stale positions at start may finish meanwhile: the change's is the one naming JP.
    JsonObject forJapan = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> recomputed.stream()
        .filter(r -> r.getString("reason").contains("JP")).findFirst().orElse(null), r -> r != null);
    assertThat(forJapan.getInteger("positions")).isEqualTo(2);
  }

  private static JsonObject position(String material, String destination) {
    return new JsonObject().put("siteId", "plant-1").put("materialId", material).put("onHand", 900).put("onOrder", 0)
        .put("demandMeanPerDay", 10).put("demandStdPerDay", 4).put("leadTimeMeanDays", 30).put("leadTimeStdDays", 5)
        .put("orderQuantity", 300).put("endUse", "CIVIL").put("destination", destination);
  }
}
