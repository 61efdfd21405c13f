package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.testing.Await;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The licence-service's send timeout (500 ms here) and circuit (open after 3 failures, for 3 s),
 * with the service made genuinely slow: the test holds a PostgreSQL row lock on a licence, so
 * drawdowns of it wait inside the real licence-service.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CircuitBreakerTest {
  private static final String STATE = "supplyguard_gateway_circuit_state";
  private static final String TRANSITIONS = "supplyguard_gateway_circuit_transitions_total";
  private static final String LICENCE = "downstream=\"licence-service\"";

  private TestPlatform platform;
  private Vertx vertx;
  private String tenant;
  private String lockedId;
  private String freeId;
  /** Requests for one licence that leave the gateway for the licence-service. */
  private final AtomicInteger licenceGets = new AtomicInteger();
  private final Handler<DeliveryContext<Object>> countGets = delivery -> {
    if (Addresses.LICENCE_GET.equals(delivery.message().address())) {
      licenceGets.incrementAndGet();
    }
    delivery.next();
  };

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    platform = Await.result(TestPlatform.start(vertx, new JsonObject().put("GATEWAY_LICENCE_TIMEOUT_MS", "500")
        .put("GATEWAY_CIRCUIT_MAX_FAILURES", "3").put("GATEWAY_CIRCUIT_RESET_MS", "3000")));
    tenant = Await.result(platform.tenantKey("Breaker AG"));
    lockedId = register();
    freeId = register();
    vertx.eventBus().addOutboundInterceptor(countGets);
  }

  @AfterAll
  void stopCounting() {
    vertx.eventBus().removeOutboundInterceptor(countGets);
  }

  private String register() throws Exception {
    HttpResponse<Buffer> licence = Await.result(platform.call(HttpMethod.POST, "/api/v1/licences", tenant)
        .sendJsonObject(ValidBodies.licence()));
    assertThat(licence.statusCode()).as(licence.bodyAsString()).isEqualTo(201);
    return licence.bodyAsJsonObject().getString("id");
  }

  private HttpResponse<Buffer> get(String path) throws Exception {
    return Await.result(platform.call(HttpMethod.GET, path, tenant).send());
  }

  private HttpResponse<Buffer> drawDown(String id) throws Exception {
    return Await.result(platform.call(HttpMethod.POST, "/api/v1/licences/" + id + "/drawdowns", tenant)
        .sendJsonObject(new JsonObject().put("quantityKg", 1).put("shipmentRef", "SO-1")));
  }

  private double metric(String name, String... labels) throws Exception {
    return ScrapedMetrics.value(platform.gatewayMetrics(), name, labels);
  }

  @Test
  @Order(1)
  @DisplayName("the service's own refusals (404 here) never open its circuit")
  void businessFailuresDoNotCount() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertProblem(get("/api/v1/licences/" + UUID.randomUUID()), 404);
    }
    assertThat(metric(STATE, LICENCE)).isZero();
    assertThat(metric(TRANSITIONS, LICENCE, "state=\"OPEN\"")).isZero();
  }

  @Test
  @Order(2)
  @DisplayName("a slow service gives 504s; after 3 its circuit opens and answers 503 with Retry-After without "
      + "sending, the other service unaffected; it half-opens after the reset time and a success closes it")
  void opensHalfOpensCloses() throws Exception {
    try (LicenceLock lock = LicenceLock.hold(platform.licenceDb(), lockedId)) {
      for (int i = 0; i < 3; i++) {
        assertProblem(drawDown(lockedId), 504);
      }
      assertThat(metric(STATE, LICENCE)).as("open").isEqualTo(2);

      int sentBefore = licenceGets.get();
      HttpResponse<Buffer> open = get("/api/v1/licences/" + freeId);
      assertProblem(open, 503);
      assertThat(Integer.parseInt(open.getHeader("Retry-After"))).isBetween(1, 3);
      assertProblem(get("/api/v1/regime/elements"), 503);
      assertThat(licenceGets.get()).as("requests sent while open").isEqualTo(sentBefore);

      assertThat(get("/api/v1/materials").statusCode()).as("the inventory-service's routes").isEqualTo(200);
      assertThat(metric(STATE, "downstream=\"inventory-service\"")).isZero();
      assertThat(metric(TRANSITIONS, LICENCE, "state=\"OPEN\"")).isEqualTo(1);
      assertThat(metric("supplyguard_gateway_requests_rejected_total", "reason=\"circuit_open\"")).isEqualTo(2);
    }

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> metric(STATE, LICENCE) == 1);
    HttpResponse<Buffer> probe = get("/api/v1/licences/" + freeId);
    assertThat(probe.statusCode()).as(probe.bodyAsString()).isEqualTo(200);
    assertThat(metric(STATE, LICENCE)).as("closed").isZero();
    assertThat(metric(TRANSITIONS, LICENCE, "state=\"HALF_OPEN\"")).isEqualTo(1);
    assertThat(metric(TRANSITIONS, LICENCE, "state=\"CLOSED\"")).isEqualTo(1);
    assertThat(get("/api/v1/regime/elements").statusCode()).isEqualTo(200);
  }
}
