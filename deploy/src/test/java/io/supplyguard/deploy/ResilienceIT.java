package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway's circuit to the licence-service across real processes: the service's JVM is
 * killed while the gateway runs, then started again. The circuit opens after 3 failures and
 * stays open 3 s at a time; the licence-service's send timeout is 4 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {
  private static final String LICENCE_ROUTE = "/api/v1/regime/elements";
  private static final String INVENTORY_ROUTE = "/api/v1/materials";

  private Platform platform;

  @BeforeAll
  void startPlatform() throws Exception {
    platform = Platform.start(Map.of(), Map.of("GATEWAY_LICENCE_TIMEOUT_MS", "4000",
        "GATEWAY_CIRCUIT_MAX_FAILURES", "3", "GATEWAY_CIRCUIT_RESET_MS", "3000"));
  }

  @AfterAll
  void stopPlatform() throws Exception {
    platform.close();
  }

  @Test
  @Order(1)
  @DisplayName("with the licence-service killed its circuit opens: its routes answer 503 at once with Retry-After, "
      + "the inventory-service's routes are unaffected")
  void serviceKilled() throws Exception {
    assertThat(platform.api("GET", LICENCE_ROUTE, platform.adminKey, null).statusCode()).isEqualTo(200);
    platform.process("licence-service").kill();

    // Callers' requests are what the circuit counts: keep asking until it has seen enough.
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() -> {
      platform.api("GET", LICENCE_ROUTE, platform.adminKey, null);
      return circuitState("licence-service") == 2;
    });
    long start = System.nanoTime();
    HttpResponse<String> open = platform.api("GET", LICENCE_ROUTE, platform.adminKey, null);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(open.statusCode()).isEqualTo(503);
    assertThat(open.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(open.body()).getString("detail")).contains("licence-service");
    assertThat(Integer.parseInt(open.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 3);
    assertThat(took).as("answered without waiting for the 4 s send timeout").isLessThan(Duration.ofSeconds(2));

    assertThat(platform.api("GET", INVENTORY_ROUTE, platform.adminKey, null).statusCode()).isEqualTo(200);
    assertThat(circuitState("inventory-service")).isZero();
  }

  @Test
  @Order(2)
  @DisplayName("with the licence-service started again its circuit half-opens and closes, and its routes answer 200")
  void serviceBack() throws Exception {
    platform.restart("licence-service");
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
        .until(() -> platform.api("GET", LICENCE_ROUTE, platform.adminKey, null).statusCode() == 200);
    String metrics = platform.management("gateway", "/metrics").body();
    assertThat(metric(metrics, "supplyguard_gateway_circuit_state", "licence-service")).isZero();
    assertThat(metric(metrics, "supplyguard_gateway_circuit_transitions_total", "licence-service", "HALF_OPEN"))
        .isGreaterThanOrEqualTo(1);
    assertThat(metric(metrics, "supplyguard_gateway_circuit_transitions_total", "licence-service", "CLOSED"))
        .isEqualTo(1);
  }

  private double circuitState(String downstream) {
    return metric(platform.management("gateway", "/metrics").body(), "supplyguard_gateway_circuit_state", downstream);
  }

  /** The value of the sample of {@code name} whose labels include each of {@code labelValues}. */
  private static double metric(String scrape, String name, String... labelValues) {
    return Arrays.stream(scrape.split("\n"))
        .filter(line -> line.startsWith(name + "{"))
        .filter(line -> Arrays.stream(labelValues).allMatch(value -> line.contains("=\"" + value + "\"")))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " " + Arrays.toString(labelValues)));
  }
}
