package io.supplyguard.licence.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bootstrap.ServiceHost;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.licence.LicenceService;
import io.supplyguard.licence.events.ChangeEvents;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The business figures operators watch, read from the service's real /metrics endpoint. */
class LicenceMetricsTest {

  @Test
  @DisplayName("licences by tenant and status, remaining kg, utilisation, days to the soonest expiry and regime changes (each kind from zero) and each element's restriction state are exposed")
  void businessGauges() throws Exception {
    JsonObject settings = TestPostgres.newDatabase().put("METRICS_REFRESH_MS", "100");
    Vertx vertx = Vertx.vertx();
    try {
      ServiceHost host = Await.result(TestServices.start(vertx, new LicenceService(), settings,
          MutableClock.at(LocalDate.parse("2026-11-30"))));
      // Before any change, every kind of regime change is there at zero.
      String fresh = TestServices.scrape(host);
      for (String change : ChangeEvents.REGIME_CHANGES) {
        assertThat(fresh).contains("supplyguard_regime_changes_total{change=\"" + change
            + "\",service=\"licence-service\"} 0.0");
      }
      assertThat(ChangeEvents.REGIME_CHANGES).containsExactly("MEASURE_CREATED", "MEASURE_AMENDED", "SUSPENSION_ADDED",
          "SUSPENSION_LIFTED", "SUSPENSION_RENEWAL_PROBABILITY_SET", "DENIAL_PROBABILITY_SET", "ANNOUNCEMENT_APPLIED",
          "LISTED_PARTIES_IMPORTED", "MEASURE_IN_FORCE", "MEASURE_ENDED", "SUSPENSION_STARTED", "SUSPENSION_ENDED");
      BusClient bus = new BusClient(vertx, Duration.ofSeconds(10));
      BusClient.Caller tenant = new BusClient.Caller("r", "t-metrics", Role.TENANT);
      JsonObject licence = Await.result(bus.request(Addresses.LICENCE_REGISTER, new JsonObject().put("type", "GENERAL")
          .put("exporter", "X").put("elements", new JsonArray().add("Dy")).put("forms", new JsonArray().add("OXIDE"))
          .put("quantityKg", 200).put("destination", "DE").put("endUse", "CIVIL").put("validTo", "2027-01-29"), tenant));
      Await.result(bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", licence.getString("id"))
          .put("quantityKg", 190).put("shipmentRef", "S"), tenant));
      Await.result(bus.request(Addresses.REGIME_MEASURE_CREATE, new JsonObject().put("id", "TEST-METRICS").put("issuer", "X")
          .put("title", "t").put("kind", "LICENCE_REQUIRED").put("issuedOn", "2026-11-01").put("inForceFrom", "2027-01-01")
          .put("elements", new JsonArray().add("Ce")).put("forms", new JsonArray().add("OXIDE")).put("source", "s"),
          new BusClient.Caller("r", null, Role.ADMIN)));

      // A refresh registers the gauges one query after another: a scrape may fall between two of them.
      Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestServices.scrape(host))
          .contains("supplyguard_licences{service=\"licence-service\",status=\"ACTIVE\",tenant=\"t-metrics\"} 1.0")
          .contains("supplyguard_licence_remaining_kg{service=\"licence-service\",status=\"ACTIVE\",tenant=\"t-metrics\"} 10.0")
          .contains("supplyguard_licence_utilisation_ratio{licence=\"" + licence.getString("id")
              + "\",service=\"licence-service\",tenant=\"t-metrics\"} 0.95")
          .contains("supplyguard_licence_days_to_expiry{element=\"Dy\",service=\"licence-service\",tenant=\"t-metrics\"} 60.0")
          .contains("supplyguard_regime_changes_total{change=\"MEASURE_AMENDED\",service=\"licence-service\"} 0.0")
          .contains("supplyguard_regime_changes_total{change=\"MEASURE_CREATED\",service=\"licence-service\"} 1.0")
          // Each element's state today (2026-11-30), as docs/regime.md gives it, one row per element.
          .contains("supplyguard_regime_element_state{element=\"Dy\",service=\"licence-service\",state=\"LICENCE_REQUIRED\"} 1.0")
          .contains("supplyguard_regime_element_state{element=\"Ho\",service=\"licence-service\",state=\"LICENCE_REQUIRED\"} 1.0")
          .contains("supplyguard_regime_element_state{element=\"Nd\",service=\"licence-service\",state=\"NOT_CONTROLLED\"} 1.0"));
      String metrics = TestServices.scrape(host);
      assertThat(metrics.lines().filter(l -> l.startsWith("supplyguard_regime_element_state{"))).hasSize(17);
    } finally {
      Await.result(vertx.close());
    }
  }

}
