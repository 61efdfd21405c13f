package io.supplyguard.inventory.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bootstrap.ServiceHost;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The buffer's figures for operators, read from the inventory-service's real /metrics endpoint. */
class InventoryMetricsTest {

  @Test
  @DisplayName("positions by status and by element, alerts raised (each from zero), and each recompute's size and duration are exposed")
  void businessMetrics() throws Exception {
    JsonObject db = TestPostgres.newDatabase().put("METRICS_REFRESH_MS", "100").put("OUTBOX_FLUSH_MS", "100");
    MutableClock clock = MutableClock.at(LocalDate.parse("2026-11-30"));
    Vertx vertx = Vertx.vertx();
    try {
      Await.result(TestServices.start(vertx, new LicenceService(), db, clock));
      ServiceHost inventory = Await.result(TestServices.start(vertx, new InventoryService(), db, clock));
      // Before any position: the alerts to every status at zero, and, once refreshed, every status
      // and every element of the catalogue in every status at zero.
      for (String status : List.of("UNBUFFERABLE", "CRITICAL", "REORDER", "OK")) {
        assertThat(TestServices.scrape(inventory))
            .contains("supplyguard_alerts_total{service=\"inventory-service\",status=\"" + status + "\"} 0.0");
      }
      // A refresh sets its gauges one after another: a scrape may fall between two of them.
      Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
        String fresh = TestServices.scrape(inventory);
        assertThat(fresh.lines().filter(l -> l.startsWith("supplyguard_positions{"))).hasSize(4)
            .allMatch(l -> l.endsWith(" 0.0"));
        // The nine elements of the seeded catalogue, each in the four statuses.
        assertThat(fresh.lines().filter(l -> l.startsWith("supplyguard_positions_by_element{"))).hasSize(36)
            .allMatch(l -> l.endsWith(" 0.0"));
      });
      BusClient bus = new BusClient(vertx, Duration.ofSeconds(10));
      BusClient.Caller tenant = new BusClient.Caller("r", "t-ops", Role.TENANT);
      Await.result(bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", "p1").put("name", "P1"), tenant));
      Await.result(bus.request(Addresses.POSITIONS_UPSERT, new JsonObject().put("siteId", "p1").put("materialId", "dy-oxide")
          .put("onHand", 900).put("onOrder", 0).put("demandMeanPerDay", 10).put("demandStdPerDay", 4)
          .put("leadTimeMeanDays", 30).put("leadTimeStdDays", 5).put("orderQuantity", 300).put("endUse", "CIVIL")
          .put("destination", "DE"), tenant));
      // A licence for dysprosium: the recompute it causes is counted, and the position turns OK.
      Await.result(bus.request(Addresses.LICENCE_REGISTER, new JsonObject().put("type", "GENERAL").put("exporter", "X")
          .put("elements", new JsonArray().add("Dy")).put("forms", new JsonArray().add("OXIDE")).put("quantityKg", 1000)
          .put("destination", "DE").put("endUse", "CIVIL"), tenant));

      Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestServices.scrape(inventory))
          .contains("supplyguard_positions{service=\"inventory-service\",status=\"OK\"} 1.0")
          .contains("supplyguard_positions_by_element{element=\"Dy\",service=\"inventory-service\",status=\"OK\"} 1.0")
          .contains("supplyguard_alerts_total{service=\"inventory-service\",status=\"REORDER\"} 1.0")
          .contains("supplyguard_alerts_total{service=\"inventory-service\",status=\"OK\"} 1.0")
          .contains("supplyguard_alerts_total{service=\"inventory-service\",status=\"CRITICAL\"} 0.0")
          .contains("supplyguard_positions{service=\"inventory-service\",status=\"REORDER\"} 0.0")
          .contains("supplyguard_positions_by_element{element=\"Dy\",service=\"inventory-service\",status=\"REORDER\"} 0.0")
          .contains("supplyguard_positions_by_element{element=\"Tb\",service=\"inventory-service\",status=\"OK\"} 0.0")
          .containsPattern("supplyguard_recompute_positions_count\\{service=\"inventory-service\"} [1-9]")
          .containsPattern("supplyguard_recompute_seconds_count\\{service=\"inventory-service\"} [1-9]")
          .containsPattern("supplyguard_recompute_stored_positions_total\\{service=\"inventory-service\"} [1-9]")
          // No gateway in this test: the alerts wait in the outbox, and the gauge says how many.
          .containsPattern("supplyguard_alerts_undelivered\\{service=\"inventory-service\"} [1-9]")
          .contains("supplyguard_recompute_jobs_open{service=\"inventory-service\"} 0.0"));
    } finally {
      Await.result(vertx.close());
    }
  }

}
