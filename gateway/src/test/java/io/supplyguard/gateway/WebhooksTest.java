package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static io.supplyguard.gateway.TestPlatform.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks through the API of two gateway replicas sharing one database, delivered by them to a
 * real local HTTP server, for alerts and regime changes the real services publish.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String WEBHOOKS = "/api/v1/webhooks";
  private static final long BASE_MS = 300;
  /** Delivering to this machine is what these tests do; fast retries keep them short. */
  private static final JsonObject LOCAL_DELIVERY = new JsonObject()
      .put("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", "true").put("WEBHOOK_POLL_MS", "50")
      .put("WEBHOOK_BACKOFF_BASE_MS", String.valueOf(BASE_MS)).put("WEBHOOK_BACKOFF_FACTOR", "2")
      .put("WEBHOOK_MAX_ATTEMPTS", "5");

  private Vertx vertx;
  private TestPlatform platform;
  private WebClient strictReplica;
  private String strictKey;
  private WebhookReceiver receiver;
  private String keyA;
  private String keyB;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    this.vertx = vertx;
    TestPlatform.start(vertx, LOCAL_DELIVERY)
        .compose(started -> {
          platform = started;
          return platform.anotherGateway(vertx, LOCAL_DELIVERY);
        })
        // A gateway as configured by default (private addresses refused), on a database of its
        // own: beside the others it would take their deliveries to this machine and refuse them.
        .compose(second -> {
          GatewayService strict = new GatewayService();
          JsonObject settings = TestPostgres.newDatabase().put("GATEWAY_PORT", "0").put("GATEWAY_HOST", "127.0.0.1")
              .put("PLATFORM_ADMIN_KEY", ADMIN_KEY);
          return TestServices.start(vertx, strict, settings, TestPlatform.TODAY).map(v -> strict.httpPort());
        })
        .compose(strictPort -> {
          strictReplica = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
              .setDefaultPort(strictPort));
          return strictReplica.post("/api/v1/tenants").putHeader("Authorization", "Bearer " + ADMIN_KEY)
              .sendJsonObject(new JsonObject().put("name", "Careless Hooks"));
        })
        .compose(created -> {
          strictKey = created.bodyAsJsonObject().getString("apiKey");
          return WebhookReceiver.start(vertx);
        })
        .compose(started -> {
          receiver = started;
          return platform.tenantKey("Hooked Motors");
        })
        .compose(key -> {
          keyA = key;
          return platform.tenantKey("Other Hooks");
        })
        .onComplete(test.succeeding(key -> {
          keyB = key;
          test.completeNow();
        }));
  }

  @Test
  @DisplayName("an alert is POSTed to the tenant's webhook, signed with HMAC-SHA256 under the secret shown at registration")
  void signedDelivery() throws Exception {
    JsonObject webhook = register(keyA, receiver.url("/alerts"), "alert");
    String secret = webhook.getString("secret");
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 43);
    assertThat(Await.result(platform.call(HttpMethod.POST, "/api/v1/sites", keyA)
        .sendJsonObject(ValidBodies.site()))
        .statusCode()).isEqualTo(201);
    JsonObject position = ValidBodies.position().put("endUse", "CIVIL");
    position.remove("alternateSource");
    assertThat(Await.result(platform.call(HttpMethod.PUT, "/api/v1/sites/plant-7/positions/dy-oxide", keyA)
        .sendJsonObject(position)).statusCode()).isEqualTo(200);

    Await.result(receiver.untilReceived("/alerts", 1), WAIT);
    WebhookReceiver.Received delivery = receiver.received("/alerts").get(0);
    long timestamp = Long.parseLong(delivery.header("X-SupplyGuard-Timestamp"));
    assertThat(delivery.header("X-SupplyGuard-Signature")).isEqualTo("sha256=" + hmac(secret, timestamp, delivery.body()));
    assertThat(delivery.header("X-SupplyGuard-Signature")).isNotEqualTo("sha256=" + hmac(secret + "x", timestamp,
        delivery.body()));
    assertThat(Duration.between(Instant.ofEpochSecond(timestamp), Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
    assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
    JsonObject event = delivery.body().toJsonObject();
    assertThat(event.getString("type")).isEqualTo("alert");
    assertThat(delivery.header("X-SupplyGuard-Event-Id")).isEqualTo(String.valueOf(event.getLong("id")));
    assertThat(event.getJsonObject("data").getString("siteId")).isEqualTo("plant-7");
    assertThat(event.getJsonObject("data").getString("toStatus")).isEqualTo("REORDER");

    JsonArray log = deliveriesWhen(keyA, webhook.getString("id"), all -> delivered(all, 1));
    JsonObject entry = log.getJsonObject(0);
    assertThat(entry.getLong("eventId")).isEqualTo(event.getLong("id"));
    assertThat(entry.getJsonArray("attempts")).hasSize(1);
    assertThat(entry.getJsonArray("attempts").getJsonObject(0).getInteger("status")).isEqualTo(200);
    assertThat(entry.containsKey("nextAttemptAt")).isFalse();
  }

  @Test
  @DisplayName("a receiver answering 500 twice then 200 gets three attempts, with growing delays, all in the delivery log")
  void retriedWithBackoff() throws Exception {
    receiver.answer("/flaky", 500, 500);
    JsonObject webhook = register(keyB, receiver.url("/flaky"), "regime.changed");
    HttpResponse<Buffer> measure = Await.result(platform.call(HttpMethod.POST, "/api/v1/regime/measures", ADMIN_KEY)
        .sendJsonObject(ValidBodies.measure().put("id", "TEST-HOOKS-1")));
    assertThat(measure.statusCode()).isEqualTo(201);

    JsonArray log = deliveriesWhen(keyB, webhook.getString("id"), all -> delivered(all, 1));
    JsonArray attempts = log.getJsonObject(0).getJsonArray("attempts");
    assertThat(attempts.stream().map(a -> ((JsonObject) a).getInteger("status"))).containsExactly(500, 500, 200);
    // base, then factor x base, each less up to a fifth of jitter; none after the delivery
    long first = attempts.getJsonObject(0).getLong("retryInMs");
    long second = attempts.getJsonObject(1).getLong("retryInMs");
    assertThat(first).isBetween(BASE_MS * 4 / 5, BASE_MS);
    assertThat(second).isBetween(BASE_MS * 2 * 4 / 5, BASE_MS * 2).isGreaterThan(first);
    assertThat(attempts.getJsonObject(2).containsKey("retryInMs")).isFalse();
    // Each attempt waited its backoff after the one before ended.
    for (int i = 1; i < 3; i++) {
      JsonObject previous = attempts.getJsonObject(i - 1);
      Instant previousEnd = instant(previous, "at").plusMillis(previous.getLong("durationMs"));
      assertThat(instant(previous, "nextAttemptAt")).isAfterOrEqualTo(previousEnd.plusMillis(previous.getLong("retryInMs")));
      // The claim compares with PostgreSQL's clock, the log's "at" is the JVM's: the same clock here, read a little apart.
      assertThat(instant(attempts.getJsonObject(i), "at")).isAfterOrEqualTo(instant(previous, "nextAttemptAt").minusMillis(5));
    }

    // Exactly one replica made each attempt: three requests, the same event, attempts 1, 2, 3.
    List<WebhookReceiver.Received> received = receiver.received("/flaky");
    assertThat(received).hasSize(3);
    assertThat(received.stream().map(r -> r.header("X-SupplyGuard-Attempt"))).containsExactly("1", "2", "3");
    assertThat(received.stream().map(r -> r.header("X-SupplyGuard-Event-Id")).distinct()).hasSize(1);
    assertThat(received.get(0).body().toJsonObject().getJsonObject("data").getString("measureId"))
        .isEqualTo("TEST-HOOKS-1");
  }

  @Test
  @DisplayName("a bad registration is a 400 naming the field, and nothing is stored")
  void badRegistrations() throws Exception {
    String key = Await.result(platform.tenantKey("Careless Hooks"));
    expectInvalid(platform.call(HttpMethod.POST, WEBHOOKS, key).sendJsonObject(
        new JsonObject().put("events", new JsonArray().add("alert"))), "url");
    expectInvalid(platform.call(HttpMethod.POST, WEBHOOKS, key).sendJsonObject(body("ftp://example.org/hook", "alert")),
        "url");
    expectInvalid(platform.call(HttpMethod.POST, WEBHOOKS, key).sendJsonObject(body("/relative/hook", "alert")), "url");
    expectInvalid(platform.call(HttpMethod.POST, WEBHOOKS, key).sendJsonObject(body("https://example.org/hook",
        "licence.changed")), "events[0]");
    expectInvalid(platform.call(HttpMethod.POST, WEBHOOKS, key).sendJsonObject(
        new JsonObject().put("url", "https://example.org/hook").put("events", new JsonArray())), "events");
    // With the default setting, private and loopback addresses are refused.
    for (String url : List.of(receiver.url("/alerts"), "http://10.1.2.3/hook", "http://169.254.169.254/latest",
        "http://[::1]:8080/hook", "http://localhost/hook")) {
      expectInvalid(strictReplica.post(WEBHOOKS).putHeader("Authorization", "Bearer " + strictKey)
          .sendJsonObject(body(url, "alert")), "url");
    }
    HttpResponse<Buffer> strictList = Await.result(strictReplica.get(WEBHOOKS)
        .putHeader("Authorization", "Bearer " + strictKey).send());
    assertThat(strictList.bodyAsJsonObject().getJsonArray("webhooks")).isEmpty();
    assertThat(list(key)).isEmpty();
    long stored = Await.result(platform.gatewayDb().query(
        "SELECT count(*) AS n FROM gateway.webhook w JOIN gateway.tenant t ON t.id = w.tenant_id "
            + "WHERE t.name = 'Careless Hooks'").execute()).iterator().next().getLong("n");
    assertThat(stored).isZero();
  }

  @Test
  @DisplayName("a tenant sees and manages only its own webhooks: another's is a 404; ADMIN may not register one")
  void ownWebhooksOnly() throws Exception {
    JsonObject webhook = register(keyA, receiver.url("/a"), "alert", "regime.changed");
    String path = WEBHOOKS + "/" + webhook.getString("id");
    assertThat(webhook.getJsonArray("events")).containsExactly("alert", "regime.changed");
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
      assertProblem(Await.result(platform.call(method, path, keyB).send()), 404);
    }
    assertProblem(Await.result(platform.call(HttpMethod.GET, path + "/deliveries", keyB).send()), 404);
    assertThat(list(keyB)).noneMatch(w -> w.getString("id").equals(webhook.getString("id")));

    HttpResponse<Buffer> own = Await.result(platform.call(HttpMethod.GET, path, keyA).send());
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.bodyAsJsonObject().containsKey("secret")).as("the secret is shown once").isFalse();
    assertThat(list(keyA)).anyMatch(w -> w.getString("id").equals(webhook.getString("id")));

    assertProblem(Await.result(platform.call(HttpMethod.POST, WEBHOOKS, ADMIN_KEY)
        .sendJsonObject(body("https://example.org/hook", "alert"))), 403);
    HttpResponse<Buffer> badId = Await.result(platform.call(HttpMethod.GET, WEBHOOKS + "/not-a-uuid", keyA).send());
    assertProblem(badId, 400);
    assertThat(errorFields(badId)).containsExactly("id");

    assertThat(Await.result(platform.call(HttpMethod.DELETE, path, keyA).send()).statusCode()).isEqualTo(204);
    assertProblem(Await.result(platform.call(HttpMethod.GET, path, keyA).send()), 404);
  }

  private JsonObject register(String key, String url, String... events) throws Exception {
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.POST, WEBHOOKS, key)
        .sendJsonObject(body(url, events)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static JsonObject body(String url, String... events) {
    return new JsonObject().put("url", url).put("events", new JsonArray(List.of((Object[]) events)));
  }

  private List<JsonObject> list(String key) throws Exception {
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.GET, WEBHOOKS, key).send());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("webhooks").stream().map(JsonObject.class::cast).toList();
  }

  private static void expectInvalid(Future<HttpResponse<Buffer>> request, String field) throws Exception {
    HttpResponse<Buffer> response = Await.result(request);
    assertProblem(response, 400);
    assertThat(errorFields(response)).as(response.bodyAsString()).containsExactly(field);
  }

  /**
   * The delivery log once {@code done} holds of it. Deliveries are recorded after the receiver
   * has answered, with nothing to notify the client, so the log is read until it shows them.
   */
  private JsonArray deliveriesWhen(String key, String webhookId, Predicate<JsonArray> done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.GET,
          WEBHOOKS + "/" + webhookId + "/deliveries", key).send());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonArray deliveries = response.bodyAsJsonObject().getJsonArray("deliveries");
      if (done.test(deliveries)) {
        return deliveries;
      }
      if (System.nanoTime() > deadline) {
        fail("The delivery log never showed what was expected: " + deliveries.encodePrettily());
      }
      Await.result(vertx.timer(50));
    }
  }

  private static boolean delivered(JsonArray deliveries, int count) {
    return deliveries.size() == count
        && deliveries.stream().allMatch(d -> "DELIVERED".equals(((JsonObject) d).getString("state")));
  }

  private static Instant instant(JsonObject attempt, String field) {
    return Instant.parse(attempt.getString(field));
  }

  /** The receiver's side, written from the README's instructions rather than the gateway's code. */
  private static String hmac(String secret, long timestamp, Buffer body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes()));
  }
}
