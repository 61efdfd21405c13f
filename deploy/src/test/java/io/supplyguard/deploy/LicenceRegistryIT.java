package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The licence registry end to end: gateway, two licence-service replicas in their own JVMs, PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenceRegistryIT {
  private static final Pattern PROCESSED = Pattern.compile(
      "vertx_eventbus_processed_total\\{address=\"licence.licences.drawdown\",service=\"licence-service\",side=\"remote\"} (\\d+)");

  private Platform platform;
  private String tenantKey;
  private String licenceId;

  @BeforeAll
  void start() throws Exception {
    // 200 drawdowns at once on two cores queue for seconds: this test is about the race, so the
    // gateway waits for them rather than timing them out and opening the circuit (ResilienceIT).
    platform = Platform.start(Map.of("licence-service", 2), Map.of("GATEWAY_LICENCE_TIMEOUT_MS", "30000",
        "GATEWAY_CIRCUIT_MAX_FAILURES", "1000"));
    HttpResponse<String> tenant = platform.api("POST", "/api/v1/tenants", platform.adminKey, "{\"name\":\"Race Motors\"}");
    assertThat(tenant.statusCode()).isEqualTo(201);
    tenantKey = new JsonObject(tenant.body()).getString("apiKey");
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
  }

  @Test
  @Order(1)
  @DisplayName("200 concurrent drawdowns of 7 kg on a 1,000 kg licence, served by two replicas: 142 succeed, 58 are 409, 994 kg drawn")
  void racingDrawdowns() throws Exception {
    HttpResponse<String> registered = platform.api("POST", "/api/v1/licences", tenantKey, """
        {"type": "GENERAL", "exporter": "Ningbo Yunsheng", "elements": ["Dy", "Tb"], "forms": ["MAGNET", "OXIDE"],
         "quantityKg": 1000, "destination": "DE", "endUse": "CIVIL"}""");
    assertThat(registered.statusCode()).isEqualTo(201);
    licenceId = new JsonObject(registered.body()).getString("id");
    assertThat(new JsonObject(registered.body()).getString("status")).isEqualTo("ACTIVE");

    List<CompletableFuture<HttpResponse<String>>> draws = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      HttpRequest request = HttpRequest.newBuilder(platform.uri("/api/v1/licences/" + licenceId + "/drawdowns"))
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + tenantKey)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", "race-" + i)
          .POST(HttpRequest.BodyPublishers.ofString("{\"quantityKg\": 7, \"shipmentRef\": \"SHIP-" + i + "\"}"))
          .build();
      draws.add(platform.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    CompletableFuture.allOf(draws.toArray(CompletableFuture[]::new)).join();
    long created = draws.stream().filter(d -> d.join().statusCode() == 201).count();
    long conflicts = draws.stream().filter(d -> d.join().statusCode() == 409).count();
    assertThat(created).isEqualTo(142);
    assertThat(conflicts).isEqualTo(58);

    JsonObject licence = new JsonObject(platform.api("GET", "/api/v1/licences/" + licenceId, tenantKey, null).body());
    assertThat(licence.getDouble("drawnKg")).isEqualTo(994.0);
    assertThat(licence.getDouble("remainingKg")).isEqualTo(6.0);
    // Both replicas took a share of the drawdowns.
    assertThat(drawdownsServedBy("licence-service")).isPositive();
    assertThat(drawdownsServedBy("licence-service-2")).isPositive();
  }

  @Test
  @Order(2)
  @DisplayName("a replay with the same Idempotency-Key returns the first response and draws nothing; another body is a 422")
  void replay() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", "race-0");
    HttpResponse<String> replayed = platform.api("POST", "/api/v1/licences/" + licenceId + "/drawdowns", tenantKey,
        "{\"shipmentRef\": \"SHIP-0\", \"quantityKg\": 7}", key);
    assertThat(replayed.statusCode()).isIn(201, 409);
    HttpResponse<String> other = platform.api("POST", "/api/v1/licences/" + licenceId + "/drawdowns", tenantKey,
        "{\"quantityKg\": 1, \"shipmentRef\": \"OTHER\"}", key);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject licence = new JsonObject(platform.api("GET", "/api/v1/licences/" + licenceId, tenantKey, null).body());
    assertThat(licence.getDouble("drawnKg")).isEqualTo(994.0);
  }

  @Test
  @Order(3)
  @DisplayName("the licence-check composes the catalogue and the registry: COVERED while 6 kg remain, else LICENCE_REQUIRED")
  void licenceCheck() throws Exception {
    JsonObject covered = new JsonObject(platform.api("GET",
        "/api/v1/licence-check?material=dy-oxide&destination=DE&endUse=CIVIL&quantityKg=5", tenantKey, null).body());
    assertThat(covered.getString("decision")).isEqualTo("COVERED");
    assertThat(covered.getJsonObject("coveredBy").getString("licenceId")).isEqualTo(licenceId);
    assertThat(covered.getJsonObject("coveredBy").getDouble("remainingAfterKg")).isEqualTo(1.0);
    JsonObject required = new JsonObject(platform.api("GET",
        "/api/v1/licence-check?material=dy-oxide&destination=DE&endUse=CIVIL&quantityKg=10", tenantKey, null).body());
    assertThat(required.getString("decision")).isEqualTo("LICENCE_REQUIRED");
    JsonObject free = new JsonObject(platform.api("GET",
        "/api/v1/licence-check?material=ndfeb-n42&destination=DE&endUse=CIVIL", tenantKey, null).body());
    assertThat(free.getString("decision")).isEqualTo("NOT_REQUIRED");
  }

  @Test
  @Order(4)
  @DisplayName("operators extend the No. 70 suspension through the API and every replica answers the new state; tenants may not")
  void regimeManagement() throws Exception {
    String extension = "{\"from\": \"2026-11-11\", \"until\": \"2027-11-10\", \"reference\": \"IT-EXTENSION\"}";
    assertThat(platform.api("POST", "/api/v1/regime/measures/MOFCOM-GAC-2025-57/suspensions", tenantKey, extension)
        .statusCode()).isEqualTo(403);
    HttpResponse<String> added = platform.api("POST", "/api/v1/regime/measures/MOFCOM-GAC-2025-57/suspensions",
        platform.adminKey, extension);
    assertThat(added.statusCode()).isEqualTo(201);
    // Several reads, so that both replicas (each with its own cached regime) answer.
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      for (int i = 0; i < 6; i++) {
        JsonObject holmium = new JsonObject(platform.api("GET", "/api/v1/regime/elements?asOf=2026-12-01", tenantKey, null)
            .body()).getJsonArray("elements").stream().map(JsonObject.class::cast)
            .filter(e -> e.getString("symbol").equals("Ho")).findFirst().orElseThrow();
        if (!"2027-11-10".equals(holmium.getString("suspendedUntil"))) {
          return false;
        }
      }
      return true;
    });
    HttpResponse<String> history = platform.api("GET", "/api/v1/regime/history", platform.adminKey, null);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains("IT-EXTENSION");
  }

  @Test
  @Order(5)
  @DisplayName("the licence's history lists its registration and every drawdown, readable only by its owner")
  void history() throws Exception {
    HttpResponse<String> history = platform.api("GET", "/api/v1/licences/" + licenceId + "/history", tenantKey, null);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(history.body()).getJsonArray("events")).hasSize(1 + 142);
    HttpResponse<String> stranger = platform.api("POST", "/api/v1/tenants", platform.adminKey, "{\"name\":\"Stranger\"}");
    String strangerKey = new JsonObject(stranger.body()).getString("apiKey");
    assertThat(platform.api("GET", "/api/v1/licences/" + licenceId + "/history", strangerKey, null).statusCode())
        .isEqualTo(404);
    assertThat(platform.api("GET", "/api/v1/licences/" + licenceId, strangerKey, null).statusCode()).isEqualTo(404);
  }

  private long drawdownsServedBy(String instance) {
    Matcher matcher = PROCESSED.matcher(platform.management(instance, "/metrics").body());
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
  }
}
