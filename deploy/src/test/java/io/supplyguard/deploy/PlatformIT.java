package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The platform as it runs for real: the three service jars in three JVMs, clustered over
 * Hazelcast on loopback, a real PostgreSQL, driven over HTTP through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {
  private Platform platform;
  private String admin;

  @BeforeAll
  void startPlatform() throws Exception {
    platform = Platform.start(Map.of());
    admin = platform.adminKey;
  }

  @AfterAll
  void stopPlatform() throws Exception {
    platform.close();
  }

  @Order(1)
  @DisplayName("the regime endpoint answers the table of docs/regime.md through gateway, bus and licence-service")
  @ParameterizedTest(name = "{0} on {1} is {2} {3}")
  @CsvFileSource(resources = "/regime/expected-states.csv")
  void regimeTable(String symbol, String asOf, String state, String suspendedUntil) throws Exception {
    HttpResponse<String> response = platform.api("GET", "/api/v1/regime/elements?asOf=" + asOf, admin, null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject element = element(new JsonObject(response.body()), symbol);
    assertThat(element.getString("state")).isEqualTo(state);
    assertThat(element.getString("suspendedUntil")).isEqualTo(suspendedUntil);
  }

  @Test
  @Order(2)
  @DisplayName("without a key the API answers 401 problem+json; a bad asOf is a 400 naming it")
  void errors() throws Exception {
    HttpResponse<String> anonymous = platform.api("GET", "/api/v1/regime/elements", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> badDate = platform.api("GET", "/api/v1/regime/elements?asOf=2025-02-30", admin, null);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(badDate.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("asOf");
  }

  @Test
  @Order(3)
  @DisplayName("an admin creates a tenant whose key then reads the regime and the catalogue")
  void tenant() throws Exception {
    HttpResponse<String> created = platform.api("POST", "/api/v1/tenants", admin, "{\"name\":\"IT Motors\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String key = new JsonObject(created.body()).getString("apiKey");
    assertThat(platform.api("GET", "/api/v1/regime/elements", key, null).statusCode()).isEqualTo(200);
    HttpResponse<String> materials = platform.api("GET", "/api/v1/materials", key, null);
    assertThat(materials.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(materials.body()).getJsonArray("materials").size()).isGreaterThanOrEqualTo(7);
  }

  @Test
  @Order(3)
  @DisplayName("logs are JSON lines; a request's X-Request-Id names its lines in the gateway's and the service's JVM")
  void tracing() throws Exception {
    String requestId = "it-trace-" + System.nanoTime();
    HttpResponse<String> response = platform.api("GET", "/api/v1/regime/measures", admin, null,
        Map.of("X-Request-Id", requestId));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject access = linesOf("gateway", requestId).stream()
          .filter(l -> l.getString("formattedMessage").equals("http request")).findFirst().orElseThrow();
      assertThat(access.getJsonArray("kvpList").encode()).contains("\"route\":\"/api/v1/regime/measures\"",
          "\"status\":\"200\"", "\"role\":\"ADMIN\"");
      assertThat(linesOf("licence-service", requestId).stream()
          .filter(l -> l.getString("formattedMessage").equals("bus request"))
          .map(l -> l.getJsonArray("kvpList").encode()))
          .anySatisfy(kv -> assertThat(kv).contains("\"address\":\"licence.regime.measures\"", "\"outcome\":\"OK\""));
    });
  }

  /** The JSON lines of an instance's log that name {@code requestId}; every line that is JSON must parse. */
  private List<JsonObject> linesOf(String instance, String requestId) throws Exception {
    List<JsonObject> tagged = new ArrayList<>();
    for (String line : platform.process(instance).log().split("\n")) {
      if (line.startsWith("{")) {
        JsonObject json = new JsonObject(line);
        JsonObject mdc = json.getJsonObject("mdc", new JsonObject());
        if (requestId.equals(mdc.getString("requestId"))) {
          tagged.add(json);
        }
      }
    }
    return tagged;
  }

  @Test
  @Order(4)
  @DisplayName("each service serves Prometheus metrics tagged with its name, and liveness")
  void management() {
    for (String service : Platform.SERVICES) {
      HttpResponse<String> metrics = platform.management(service, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("service=\"" + service + "\"").contains("jvm_memory_used_bytes");
      assertThat(platform.status(service, "/health/live")).isEqualTo(200);
    }
    assertThat(platform.management("gateway", "/metrics").body())
        .contains("vertx_http_server_requests_total{code=\"200\"")
        .contains("route=\"/api/v1/regime/elements\"");
    assertThat(platform.management("licence-service", "/metrics").body())
        .contains("vertx_eventbus_processed_total{address=\"licence.regime.elements\"")
        .contains("vertx_pool_in_use{pool_name=\"licence\",pool_type=\"sql\"");
    assertThat(platform.management("inventory-service", "/metrics").body())
        .contains("vertx_pool_in_use{pool_name=\"inventory\",pool_type=\"sql\"");
  }

  @Test
  @Order(5)
  @DisplayName("while PostgreSQL is down readiness is false and callers get 503 with Retry-After; both recover")
  void databaseOutage() throws Exception {
    platform.stopPostgres();
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.status("licence-service", "/health/ready") == 503);
    // The regime is cached in the service; the licence list always reads the database.
    HttpResponse<String> during = platform.api("GET", "/api/v1/licences", admin, null);
    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.headers().firstValue("Retry-After")).isPresent();
    assertThat(during.body()).doesNotContain("Exception", "Connection refused");

    platform.startPostgresAgain();
    await().atMost(Duration.ofSeconds(60)).until(() -> Platform.SERVICES.stream()
        .allMatch(s -> platform.status(s, "/health/ready") == 200));
    assertThat(platform.api("GET", "/api/v1/regime/elements", admin, null).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  @DisplayName("SIGTERM stops a service cleanly, and the gateway then answers its routes with a fast 503")
  void gracefulStop() throws Exception {
    ServiceProcess licence = platform.process("licence-service");
    int exit = licence.terminate(30);
    assertThat(exit).as("exit code after SIGTERM").isEqualTo(143);
    assertThat(licence.log()).contains("licence-service stopping").contains("licence-service stopped");
    await().atMost(Duration.ofSeconds(10)).until(() ->
        platform.api("GET", "/api/v1/regime/elements", admin, null).statusCode() == 503);
    long start = System.nanoTime();
    HttpResponse<String> unavailable = platform.api("GET", "/api/v1/regime/elements", admin, null);
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(platform.api("GET", "/api/v1/materials", admin, null).statusCode()).isEqualTo(200);
  }

  private static JsonObject element(JsonObject reply, String symbol) {
    JsonArray elements = reply.getJsonArray("elements");
    return elements.stream().map(JsonObject.class::cast).filter(e -> symbol.equals(e.getString("symbol")))
        .findFirst().orElseThrow();
  }
}
