package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway's HTTP server as several verticle instances, each on its own event loop, over
 * one port (GATEWAY_INSTANCES=2 here, whatever the machine's cores). Requests are sent each on
 * a connection of its own, which the gateway hands to its instances in turn, and the access log
 * tells which event loop served each ({@link ServingThreads}). Each test would fail if the part
 * it checks were built per instance: each instance would then enforce its own limit, bound or
 * circuit, and let through what the other had already refused.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayInstancesTest {
  private static final JsonObject TWO = new JsonObject().put("GATEWAY_INSTANCES", "2");
  private static final AtomicInteger IDS = new AtomicInteger();

  private Vertx vertx;
  private TestPlatform platform;
  private ServingThreads threads;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    platform = Await.result(TestPlatform.start(vertx, TWO));
    threads = ServingThreads.record();
  }

  @AfterAll
  void stop() {
    threads.close();
  }

  /** Another gateway in front of the same services, with two instances and {@code settings}. */
  private TestPlatform gateway(JsonObject settings) throws Exception {
    return Await.result(platform.anotherGateway(vertx, TWO.copy().mergeIn(settings)));
  }

  /** A request id of this test's own, to find the request's access line. */
  private static String newId() {
    return "instances-" + IDS.incrementAndGet() + "-" + System.nanoTime();
  }

  private record Sent(String id, Future<HttpResponse<Buffer>> response) {
    HttpResponse<Buffer> result() throws Exception {
      return Await.result(response, Duration.ofSeconds(60));
    }
  }

  private static Sent send(HttpRequest<Buffer> request) {
    String id = newId();
    return new Sent(id, request.putHeader("X-Request-Id", id).send());
  }

  private static Sent send(HttpRequest<Buffer> request, JsonObject body) {
    String id = newId();
    return new Sent(id, request.putHeader("X-Request-Id", id).sendJsonObject(body));
  }

  private static List<String> ids(List<Sent> sent) {
    return sent.stream().map(Sent::id).toList();
  }

  @Test
  @DisplayName("GATEWAY_INSTANCES unset or 0 runs one instance per core; 3 runs three, and connections reach "
      + "each of them")
  void instancesAsConfigured() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    // Without the setting honoured, the gateway would run one instance whatever the cores.
    assertThat(gateway(new JsonObject().put("GATEWAY_INSTANCES", "")).gatewayInstances()).isEqualTo(cores);
    assertThat(gateway(new JsonObject().put("GATEWAY_INSTANCES", "0")).gatewayInstances()).isEqualTo(cores);

    TestPlatform three = gateway(new JsonObject().put("GATEWAY_INSTANCES", "3"));
    assertThat(three.gatewayInstances()).isEqualTo(3);
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      sent.add(send(three.callOnNewConnection(HttpMethod.GET, "/api/v1/regime/elements", TestPlatform.ADMIN_KEY)));
    }
    for (Sent one : sent) {
      assertThat(one.result().statusCode()).isEqualTo(200);
    }
    // One event loop serving everything (a single instance) would show one thread here.
    assertThat(threads.of(ids(sent))).hasSize(3);
  }

  @Test
  @DisplayName("a tenant's burst is its burst across instances: of 30 requests spread over both, 10 pass (plus a "
      + "token refilled while they run), the rest are 429 on both instances")
  void rateLimitAcrossInstances() throws Exception {
    TestPlatform limited = gateway(new JsonObject().put("GATEWAY_RATE_PER_SECOND", "1")
        .put("GATEWAY_RATE_BURST", "10"));
    String key = Await.result(limited.tenantKey("Spread Motors"));

    long started = System.nanoTime();
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      sent.add(send(limited.callOnNewConnection(HttpMethod.GET, "/api/v1/materials", key)));
    }
    List<String> passed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Sent one : sent) {
      HttpResponse<Buffer> response = one.result();
      if (response.statusCode() == 200) {
        passed.add(one.id());
      } else {
        assertProblem(response, 429);
        refused.add(one.id());
      }
    }
    long refilled = (System.nanoTime() - started) / 1_000_000_000L;

    // With a bucket per instance, each of the two would pass 10 of its 15: 20 in all.
    assertThat(passed.size()).as("passed in %d s", refilled).isBetween(10, 10 + (int) refilled);
    Set<String> servedBy = threads.of(ids(sent));
    assertThat(servedBy).as("event loops that served the burst").hasSize(2);
    assertThat(threads.of(passed)).as("event loops that let requests through").hasSize(2);
    assertThat(threads.of(refused)).as("event loops that refused requests").hasSize(2);
    assertThat(ScrapedMetrics.value(limited.gatewayMetrics(), "supplyguard_gateway_requests_rejected_total",
        "reason=\"rate_limited\"")).isEqualTo(refused.size());
  }

  @Test
  @DisplayName("the bound on requests in flight is the gateway's: with 3 slow requests on two instances, "
      + "new requests on either are answered 503")
  void inFlightBoundAcrossInstances() throws Exception {
    TestPlatform bounded = gateway(new JsonObject().put("GATEWAY_MAX_IN_FLIGHT", "3")
        .put("GATEWAY_LICENCE_TIMEOUT_MS", "30000"));
    String key = Await.result(bounded.tenantKey("Bounded Drives"));
    String licenceId = licence(bounded, key);

    List<Sent> slow = new ArrayList<>();
    List<Sent> shed = new ArrayList<>();
    AtomicInteger drawdownsSent = new AtomicInteger();
    Handler<DeliveryContext<Object>> countDrawdowns = delivery -> {
      if (Addresses.LICENCE_DRAWDOWN.equals(delivery.message().address())) {
        drawdownsSent.incrementAndGet();
      }
      delivery.next();
    };
    vertx.eventBus().addOutboundInterceptor(countDrawdowns);
    try (LicenceLock lock = LicenceLock.hold(bounded.licenceDb(), licenceId)) {
      for (int i = 0; i < 3; i++) {
        slow.add(send(bounded.callOnNewConnection(HttpMethod.POST, "/api/v1/licences/" + licenceId + "/drawdowns",
            key), new JsonObject().put("quantityKg", 1).put("shipmentRef", "BD-" + i)));
      }
      // Sent to the licence-service, where the lock holds them: all three are in flight.
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> drawdownsSent.get() == 3);
      // Two instances hold 2 and 1 of the slow requests: counted per instance, neither would be
      // at its bound of 3, and these would be served.
      for (int i = 0; i < 4; i++) {
        Sent one = send(bounded.callOnNewConnection(HttpMethod.GET, "/api/v1/materials", key));
        assertProblem(one.result(), 503);
        shed.add(one);
      }
      assertThat(slow).noneMatch(one -> one.response().isComplete());
      assertThat(ScrapedMetrics.value(bounded.gatewayMetrics(), "supplyguard_gateway_requests_in_flight"))
          .as("the gauge counts every instance's").isEqualTo(3);
    } finally {
      vertx.eventBus().removeOutboundInterceptor(countDrawdowns);
    }
    for (Sent one : slow) {
      assertThat(one.result().statusCode()).as(one.result().bodyAsString()).isEqualTo(201);
    }
    assertThat(threads.of(ids(slow))).as("event loops holding the slow requests").hasSize(2);
    assertThat(threads.of(ids(shed))).as("event loops that shed").hasSize(2);
  }

  @Test
  @DisplayName("a circuit opened by failures seen on one instance is open on the other: its requests are 503 at "
      + "once, not sent")
  void circuitAcrossInstances() throws Exception {
    TestPlatform guarded = gateway(new JsonObject().put("GATEWAY_LICENCE_TIMEOUT_MS", "500")
        .put("GATEWAY_CIRCUIT_MAX_FAILURES", "3").put("GATEWAY_CIRCUIT_RESET_MS", "60000"));
    String key = Await.result(guarded.tenantKey("Guarded Pumps"));
    String lockedId = licence(guarded, key);
    String freeId = licence(guarded, key);

    List<Sent> failures = new ArrayList<>();
    try (LicenceLock lock = LicenceLock.hold(guarded.licenceDb(), lockedId)) {
      // One after another on one kept-alive connection: one instance sees every failure.
      for (int i = 0; i < 3; i++) {
        Sent one = send(guarded.callOnOneConnection(HttpMethod.POST, "/api/v1/licences/" + lockedId + "/drawdowns", key),
            new JsonObject().put("quantityKg", 1).put("shipmentRef", "GP-" + i));
        assertProblem(one.result(), 504);
        failures.add(one);
      }
    }
    Set<String> failedOn = threads.of(ids(failures));
    assertThat(failedOn).as("the event loop that saw the failures").hasSize(1);

    List<Sent> afterwards = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      afterwards.add(send(guarded.callOnNewConnection(HttpMethod.GET, "/api/v1/licences/" + freeId, key)));
    }
    for (Sent one : afterwards) {
      // With a circuit per instance, the instance that saw no failure would answer 200.
      assertProblem(one.result(), 503);
    }
    Set<String> refusedOn = threads.of(ids(afterwards));
    assertThat(refusedOn).as("event loops refusing with the circuit open").hasSize(2);
    assertThat(refusedOn).as("an event loop that saw no failure").anyMatch(thread -> !failedOn.contains(thread));
    assertThat(ScrapedMetrics.value(guarded.gatewayMetrics(), "supplyguard_gateway_circuit_transitions_total",
        "downstream=\"licence-service\"", "state=\"OPEN\"")).isEqualTo(1);
  }

  private static String licence(TestPlatform gateway, String key) throws Exception {
    HttpResponse<Buffer> licence = Await.result(gateway.call(HttpMethod.POST, "/api/v1/licences", key)
        .sendJsonObject(ValidBodies.licence()));
    assertThat(licence.statusCode()).as(licence.bodyAsString()).isEqualTo(201);
    return licence.bodyAsJsonObject().getString("id");
  }
}
