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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A position's consignee, screened by the licence-service against China's lists (the example file
 * is seeded: MP Materials on the Control List since 2026-06-22). Today is 2026-11-30.
 */
class ConsigneeOverTheBusTest {
  private static final BusClient.Caller TENANT = new BusClient.Caller("r", "t-consignee", Role.TENANT);
  private static final BusClient.Caller ADMIN = new BusClient.Caller("a", "admin", Role.ADMIN);
  private Vertx vertx;
  private BusClient bus;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    JsonObject db = TestPostgres.newDatabase();
    MutableClock clock = MutableClock.at(LocalDate.parse("2026-11-30"));
    bus = Await.result(BothServices.start(vertx, db, clock, Duration.ofSeconds(10)));
    Await.result(bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", "plant-1").put("name", "P1"), TENANT));
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a consignee on the Control List: PROHIBITED and unbufferable; with an alternate source, planned on it")
  void controlListConsignee() throws Exception {
    JsonObject listed = Await.result(bus.request(Addresses.POSITIONS_UPSERT,
        position("dy-oxide").put("consignee", "MP Materials Corp"), TENANT));
    assertThat(listed.getJsonObject("position").getString("consignee")).isEqualTo("MP Materials Corp");
    JsonObject recommendation = listed.getJsonObject("recommendation");
    assertThat(recommendation.getString("condition")).isEqualTo("PROHIBITED");
    assertThat(recommendation.getString("status")).isEqualTo("UNBUFFERABLE");

    JsonObject alternate = Await.result(bus.request(Addresses.POSITIONS_UPSERT, position("tb-metal")
        .put("consignee", "MP Materials Corp")
        .put("alternateSource", new JsonObject().put("leadTimeMeanDays", 60).put("leadTimeStdDays", 10)), TENANT))
        .getJsonObject("recommendation");
    assertThat(alternate.getString("condition")).isEqualTo("PROHIBITED");
    assertThat(alternate.getString("status")).isNotEqualTo("UNBUFFERABLE");
    assertThat(alternate.getJsonObject("explanation").getJsonObject("leadTime").getBoolean("alternateSourceUsed"))
        .isTrue();
    assertThat(alternate.getJsonObject("explanation").getJsonObject("leadTime").getDouble("meanDays")).isEqualTo(60);

    JsonObject plain = Await.result(bus.request(Addresses.POSITIONS_UPSERT, position("ho-oxide"), TENANT))
        .getJsonObject("recommendation");
    assertThat(plain.getString("condition")).isNotEqualTo("PROHIBITED");
    assertThat(Await.result(bus.request(Addresses.POSITIONS_GET, new JsonObject().put("siteId", "plant-1")
        .put("materialId", "ho-oxide"), TENANT)).containsKey("consignee")).isFalse();
  }

  @Test
  @DisplayName("a consignee on the Watch List: LICENCE_REQUIRED with the longer review; an import recomputes exactly the positions with a consignee")
  void watchListAndImports() throws Exception {
    Await.result(bus.request(Addresses.POSITIONS_UPSERT, position("dy-oxide").put("consignee", "Kestrel Magnetics"),
        TENANT));
    Await.result(bus.request(Addresses.POSITIONS_UPSERT, position("ho-oxide"), TENANT));
    JsonObject before = Await.result(bus.request(Addresses.RECOMMENDATION_GET, new JsonObject()
        .put("siteId", "plant-1").put("materialId", "dy-oxide"), TENANT));

    List<JsonObject> recomputed = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.INVENTORY_RECOMPUTED, m -> recomputed.add(m.body()));
    Await.result(bus.request(Addresses.REGIME_LISTED_PARTIES_IMPORT, new JsonObject().put("format", "CSV")
        .put("source", "test-watch").put("content", "list,name,country,added\nWATCH_LIST,Kestrel Magnetics GmbH,DE,"
            + "2026-02-24\n"), ADMIN));
    // The service's own check for stale positions at start may finish meanwhile: the import's is the one naming it.
    JsonObject forImport = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> recomputed.stream()
        .filter(r -> r.getString("reason").contains("LISTED_PARTIES_IMPORTED")).findFirst().orElse(null),
        r -> r != null);
    assertThat(forImport.getInteger("positions")).isEqualTo(1);

    JsonObject after = Await.result(bus.request(Addresses.RECOMMENDATION_GET, new JsonObject()
        .put("siteId", "plant-1").put("materialId", "dy-oxide"), TENANT));
    assertThat(after.getString("condition")).isEqualTo("LICENCE_REQUIRED");
    double licensingBefore = before.getJsonObject("explanation").getJsonObject("leadTime")
        .getDouble("licensingDelayMeanDays");
    double licensingAfter = after.getJsonObject("explanation").getJsonObject("leadTime")
        .getDouble("licensingDelayMeanDays");
    // 45 working days from 2026-11-30 are 63 calendar days; 65 (20 more) are 91.
    assertThat(licensingBefore).isEqualTo(63);
    assertThat(licensingAfter).isEqualTo(91);
  }

  private static JsonObject position(String material) {
    return new JsonObject().put("siteId", "plant-1").put("materialId", material).put("onHand", 900).put("onOrder", 0)
        .put("demandMeanPerDay", 10).put("demandStdPerDay", 4).put("leadTimeMeanDays", 30).put("leadTimeStdDays", 5)
        .put("orderQuantity", 300).put("endUse", "CIVIL").put("destination", "US");
  }
}
