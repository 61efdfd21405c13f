package io.supplyguard.deploy;

import static io.supplyguard.deploy.Platform.WORKED_EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The inventory buffer end to end: gateway, licence- and inventory-service in their own JVMs, events across them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BufferIT {
  private Platform platform;
  private String key;

  @BeforeAll
  void start() throws Exception {
    platform = Platform.start(Map.of());
    key = platform.tenantKey("Buffer Motors");
    assertThat(platform.api("POST", "/api/v1/sites", key, "{\"id\": \"plant-1\", \"name\": \"Plant 1\", \"country\": \"DE\"}")
        .statusCode()).isEqualTo(201);
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
  }

  @Test
  @Order(1)
  @DisplayName("PUT a position: the worked example's recommendation comes back at once; bad input is a 400 naming the field")
  void upsert() throws Exception {
    HttpResponse<String> bad = platform.api("PUT", "/api/v1/sites/plant-1/positions/dy-oxide", key,
        WORKED_EXAMPLE.replace("0.95", "1.0"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(bad.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("serviceLevel");
    HttpResponse<String> put = platform.api("PUT", "/api/v1/sites/plant-1/positions/dy-oxide", key, WORKED_EXAMPLE);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonObject stored = new JsonObject(put.body()).getJsonObject("recommendation");
    assertThat(stored.getString("condition")).isEqualTo("LICENCE_REQUIRED");
    assertThat(stored.getString("status")).isEqualTo("REORDER");
    // On the worked example's own date (Monday 2026-11-30, T = 63 days) the figures are the model's.
    JsonObject recommendation = new JsonObject(platform.api("GET",
        "/api/v1/sites/plant-1/positions/dy-oxide/recommendation?asOf=2026-11-30", key, null).body());
    assertThat(recommendation.getDouble("safetyStock")).isCloseTo(586.60, within(0.01));
    assertThat(recommendation.getDouble("reorderPoint")).isCloseTo(1642.60, within(0.01));
    assertThat(recommendation.getDouble("recommendedOrder")).isCloseTo(1042.60, within(0.01));
    assertThat(recommendation.getString("status")).isEqualTo("REORDER");
    JsonObject past = new JsonObject(platform.api("GET",
        "/api/v1/sites/plant-1/positions/dy-oxide/recommendation?asOf=2025-03-01", key, null).body());
    assertThat(past.getString("condition")).isEqualTo("NOT_CONTROLLED");
  }

  @Test
  @Order(2)
  @DisplayName("registering a covering licence in the licence-service recomputes the position in the inventory-service")
  void liveAcrossServices() throws Exception {
    HttpResponse<String> licence = platform.api("POST", "/api/v1/licences", key, """
        {"type": "GENERAL", "exporter": "JL Mag", "elements": ["Dy"], "forms": ["OXIDE"], "quantityKg": 1000,
         "destination": "DE", "endUse": "CIVIL"}""");
    assertThat(licence.statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      JsonArray ok = new JsonObject(platform.api("GET", "/api/v1/recommendations?status=OK", key, null).body())
          .getJsonArray("recommendations");
      return ok.size() == 1 && "COVERED".equals(ok.getJsonObject(0).getString("condition"));
    });
    JsonArray alerts = new JsonObject(platform.api("GET", "/api/v1/alerts", key, null).body()).getJsonArray("alerts");
    assertThat(alerts.stream().map(a -> ((JsonObject) a).getString("toStatus"))).containsExactly("OK", "REORDER");
  }

  @Test
  @Order(3)
  @DisplayName("what-if: the No. 70 suspension extended to 2027-11-10, for a holmium-oxide position with a 60-day lead time")
  void scenario() throws Exception {
    assertThat(platform.api("PUT", "/api/v1/sites/plant-1/positions/ho-oxide", key,
        WORKED_EXAMPLE.replace("\"leadTimeMeanDays\": 30", "\"leadTimeMeanDays\": 60")).statusCode()).isEqualTo(200);
    HttpResponse<String> response = platform.api("POST", "/api/v1/scenarios", key, """
        {"asOf": "2026-10-01", "changes": [{"type": "SUSPENSION_EXTENDED", "reference": "MOFCOM-GAC-2025-70",
         "until": "2027-11-10"}]}""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonArray positions = new JsonObject(response.body()).getJsonArray("positions");
    assertThat(positions).hasSize(1);
    assertThat(positions.getJsonObject(0).getJsonObject("now").getString("condition")).isEqualTo("LICENCE_REQUIRED");
    assertThat(positions.getJsonObject(0).getJsonObject("scenario").getString("condition")).isEqualTo("NOT_CONTROLLED");
  }

  @Test
  @Order(4)
  @DisplayName("a seeded simulation of the recommended policy reports service level, fill rate and stockout probability")
  void simulation() throws Exception {
    HttpResponse<String> response = platform.api("POST", "/api/v1/sites/plant-1/positions/dy-oxide/simulate", key,
        "{\"horizonDays\": 730, \"replications\": 200, \"seed\": 7}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject result = new JsonObject(response.body());
    assertThat(result.getString("condition")).isEqualTo("COVERED");
    JsonObject csl = result.getJsonObject("cycleServiceLevel");
    assertThat(csl.getDouble("low")).isLessThanOrEqualTo(csl.getDouble("estimate"));
    assertThat(csl.getDouble("estimate")).isGreaterThan(0.9);
    assertThat(result.getJsonObject("fillRate").getDouble("estimate")).isGreaterThan(0.95);
    String again = platform.api("POST", "/api/v1/sites/plant-1/positions/dy-oxide/simulate", key,
        "{\"horizonDays\": 730, \"replications\": 200, \"seed\": 7}").body();
    assertThat(new JsonObject(again).getJsonObject("cycleServiceLevel")).isEqualTo(csl);
  }

  @Test
  @Order(5)
  @DisplayName("a licence covers only its own end use: AUTOMOTIVE is COVERED, ELECTRONICS LICENCE_REQUIRED, in checks and positions")
  void endUse() throws Exception {
    String tenant = platform.tenantKey("End Use Motors");
    HttpResponse<String> licence = platform.api("POST", "/api/v1/licences", tenant, """
        {"type": "GENERAL", "exporter": "JL Mag", "elements": ["Dy"], "forms": ["OXIDE"], "quantityKg": 1000,
         "destination": "DE", "endUse": "AUTOMOTIVE"}""");
    assertThat(licence.statusCode()).as(licence.body()).isEqualTo(201);
    String licenceId = new JsonObject(licence.body()).getString("id");

    JsonObject electronics = new JsonObject(platform.api("GET",
        "/api/v1/licence-check?material=dy-oxide&destination=DE&endUse=ELECTRONICS&quantityKg=10", tenant, null).body());
    assertThat(electronics.getString("decision")).isEqualTo("LICENCE_REQUIRED");
    JsonObject automotive = new JsonObject(platform.api("GET",
        "/api/v1/licence-check?material=dy-oxide&destination=DE&endUse=AUTOMOTIVE&quantityKg=10", tenant, null).body());
    assertThat(automotive.getString("decision")).isEqualTo("COVERED");
    assertThat(automotive.getJsonObject("coveredBy").getString("licenceId")).isEqualTo(licenceId);

    for (String site : new String[] {"electronics-plant", "automotive-plant"}) {
      assertThat(platform.api("POST", "/api/v1/sites", tenant, "{\"id\": \"" + site + "\", \"name\": \"" + site
          + "\", \"country\": \"DE\"}").statusCode()).isEqualTo(201);
    }
    HttpResponse<String> forElectronics = platform.api("PUT", "/api/v1/sites/electronics-plant/positions/dy-oxide",
        tenant, WORKED_EXAMPLE.replace("CIVIL", "ELECTRONICS"));
    assertThat(forElectronics.statusCode()).as(forElectronics.body()).isEqualTo(200);
    assertThat(new JsonObject(forElectronics.body()).getJsonObject("recommendation").getString("condition"))
        .isEqualTo("LICENCE_REQUIRED");
    HttpResponse<String> forAutomotive = platform.api("PUT", "/api/v1/sites/automotive-plant/positions/dy-oxide",
        tenant, WORKED_EXAMPLE.replace("CIVIL", "AUTOMOTIVE"));
    assertThat(forAutomotive.statusCode()).as(forAutomotive.body()).isEqualTo(200);
    assertThat(new JsonObject(forAutomotive.body()).getJsonObject("recommendation").getString("condition"))
        .isEqualTo("COVERED");
  }

  @Test
  @Order(6)
  @DisplayName("denial probabilities: none seeded; ADMIN sets JP's, the licence check to JP carries it, DE the default; bad input is a 400 naming the field")
  void denialProbabilities() throws Exception {
    JsonObject fresh = new JsonObject(platform.api("GET", "/api/v1/regime/denial-probabilities", key, null).body());
    assertThat(fresh.getDouble("default")).isEqualTo(0.2);
    assertThat(fresh.getJsonArray("destinations")).isEmpty();

    assertThat(fieldOf(platform.api("PUT", "/api/v1/regime/denial-probabilities/JP", platform.adminKey,
        "{\"probability\": 1.5, \"source\": \"too high\"}"))).isEqualTo("probability");
    assertThat(fieldOf(platform.api("PUT", "/api/v1/regime/denial-probabilities/JP", platform.adminKey,
        "{\"probability\": \"half\", \"source\": \"not a number\"}"))).isEqualTo("probability");
    assertThat(fieldOf(platform.api("PUT", "/api/v1/regime/denial-probabilities/JP", platform.adminKey,
        "{\"probability\": 0.5}"))).isEqualTo("source");
    assertThat(fieldOf(platform.api("PUT", "/api/v1/regime/denial-probabilities/Jp", platform.adminKey,
        "{\"probability\": 0.5, \"source\": \"mixed case\"}"))).isEqualTo("country");
    assertThat(platform.api("PUT", "/api/v1/regime/denial-probabilities/JP", key,
        "{\"probability\": 0.5, \"source\": \"a tenant\"}").statusCode()).isEqualTo(403);
    assertThat(new JsonObject(platform.api("GET", "/api/v1/regime/denial-probabilities", key, null).body())
        .getJsonArray("destinations")).as("refused writes change nothing").isEmpty();

    HttpResponse<String> set = platform.api("PUT", "/api/v1/regime/denial-probabilities/JP", platform.adminKey,
        "{\"probability\": 0.5, \"source\": \"Nikkei, Feb 2026: about 50% approved\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(new JsonObject(set.body()).getDouble("probability")).isEqualTo(0.5);
    JsonObject japan = new JsonObject(platform.api("GET",
        "/api/v1/licence-check?material=dy-oxide&destination=JP&endUse=CIVIL", key, null).body());
    assertThat(japan.getDouble("denialProbability")).isEqualTo(0.5);
    assertThat(japan.getString("denialSource")).isEqualTo("Nikkei, Feb 2026: about 50% approved");
    JsonObject germany = new JsonObject(platform.api("GET",
        "/api/v1/licence-check?material=dy-oxide&destination=DE&endUse=CIVIL", key, null).body());
    assertThat(germany.getDouble("denialProbability")).isEqualTo(0.2);
    assertThat(germany.containsKey("denialSource")).isTrue();
    assertThat(germany.getString("denialSource")).isNull();
    assertThat(platform.api("GET", "/api/v1/regime/history?limit=5", platform.adminKey, null).body())
        .contains("DENIAL_PROBABILITY");
  }

  private static String fieldOf(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0).getString("field");
  }
}
