package io.supplyguard.gateway;

import static io.supplyguard.gateway.SseClient.alertOf;
import static io.supplyguard.gateway.SseClient.regimeChangeOf;
import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static io.supplyguard.gateway.TestPlatform.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/events} on two gateway replicas sharing one database, with the real
 * services publishing on the real bus: alerts caused by position upserts, regime changes made
 * through the API, resumption with Last-Event-ID on the other replica.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String EVENTS = "/api/v1/events";
  private static final int MAX_STREAMS = 3;

  private Vertx vertx;
  private TestPlatform platform;
  private int replica1;
  private int replica2;
  private String keyA;
  private String tenantA;
  private String keyB;
  private int measures;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    this.vertx = vertx;
    JsonObject replica1Settings = new JsonObject().put("EVENTS_HEARTBEAT_MS", "200")
        .put("EVENTS_MAX_STREAMS_PER_TENANT", String.valueOf(MAX_STREAMS));
    TestPlatform.start(vertx, replica1Settings)
        .compose(started -> {
          platform = started;
          replica1 = platform.gatewayPort();
          return platform.anotherGateway(vertx, new JsonObject()).map(TestPlatform::gatewayPort);
        })
        .compose(port -> {
          replica2 = port;
          return platform.tenantKey("Stream Motors");
        })
        .compose(key -> {
          keyA = key;
          return platform.tenantKey("Other Magnets");
        })
        .compose(key -> {
          keyB = key;
          return Future.all(site(keyA, "plant-a"), site(keyB, "plant-b"));
        })
        .compose(v -> platform.gatewayDb().query("SELECT id FROM gateway.tenant WHERE name = 'Stream Motors'")
            .execute())
        .onComplete(test.succeeding(rows -> {
          tenantA = rows.iterator().next().getUUID("id").toString();
          test.completeNow();
        }));
  }

  @Test
  @DisplayName("a tenant receives its alert and a regime change live, resumes exactly after Last-Event-ID on "
      + "another replica, and never sees another tenant's alert")
  void liveThenResumedOnAnotherReplica() throws Exception {
    SseClient everything = Await.result(SseClient.connect(vertx, replica2, EVENTS, ADMIN_KEY, null));
    SseClient first = Await.result(SseClient.connect(vertx, replica1, EVENTS, keyA, null));

    upsert(keyA, "plant-a", 900);
    SseClient.Event alert = Await.result(first.first(alertOf("plant-a", "dy-oxide", "REORDER")), WAIT);
    assertThat(alert.payload().getString("tenantId")).isEqualTo(tenantA);
    assertThat(alert.data().getString("type")).isEqualTo("alert");
    assertThat(alert.data().getLong("id")).isEqualTo(alert.id());
    String m1 = newMeasure();
    SseClient.Event regime = Await.result(first.first(regimeChangeOf(m1)), WAIT);
    assertThat(regime.id()).isGreaterThan(alert.id());
    long lastSeen = first.events().get(first.events().size() - 1).id();
    Await.result(first.close());

    // While the client is away: its position recovers, another tenant raises an alert, the regime changes.
    upsert(keyA, "plant-a", 100_000);
    upsert(keyB, "plant-b", 900);
    String m2 = newMeasure();
    Await.result(everything.until(seen(alertOf("plant-a", "dy-oxide", "OK"), alertOf("plant-b", "dy-oxide", "REORDER"),
        regimeChangeOf(m2))), WAIT);
    List<SseClient.Event> missed = everything.events().stream()
        .filter(e -> e.id() > lastSeen)
        .filter(e -> e.type().equals("regime.changed") || tenantA.equals(e.payload().getString("tenantId")))
        .toList();
    assertThat(missed).anyMatch(alertOf("plant-a", "dy-oxide", "OK")).anyMatch(regimeChangeOf(m2));

    SseClient resumed = Await.result(SseClient.connect(vertx, replica2, EVENTS, keyA, String.valueOf(lastSeen)));
    String m3 = newMeasure();
    Await.result(resumed.first(regimeChangeOf(m3)), WAIT);
    List<SseClient.Event> received = resumed.events();
    // Everything missed, in order, nothing twice, then the live one; the other tenant's alert came
    // before m3 in the log, so had it been sent it would be here.
    assertThat(received.subList(0, received.size() - 1)).containsExactlyElementsOf(missed);
    assertThat(received.get(received.size() - 1)).matches(regimeChangeOf(m3));
    assertThat(received).noneMatch(alertOf("plant-b", "dy-oxide", "REORDER"));

    // The query parameter resumes the same way, on the first replica.
    SseClient byQuery = Await.result(SseClient.connect(vertx, replica1, EVENTS + "?lastEventId=" + lastSeen, keyA, null));
    Await.result(byQuery.until(sse -> sse.events().size() >= received.size()), WAIT);
    assertThat(byQuery.events()).containsExactlyElementsOf(received);

    // Each event is in the log once, whichever replicas appended it.
    List<Object> alertIds = everything.events().stream().filter(e -> e.type().equals("alert"))
        .map(e -> e.payload().getValue("id")).toList();
    assertThat(alertIds).doesNotHaveDuplicates().hasSize(3);
    Await.result(Future.all(everything.close(), resumed.close(), byQuery.close()));
  }

  @Test
  @DisplayName("an alert the inventory-service's outbox delivers again (its acknowledgement was lost) is appended "
      + "once: the second delivery is acknowledged with nothing appended and the stream shows the alert once; "
      + "an alert of no tenant is refused by name while the rest of its batch is appended")
  void redeliveredAlertIsOneEvent() throws Exception {
    SseClient stream = Await.result(SseClient.connect(vertx, replica1, EVENTS, keyA, null));
    JsonObject alert = new JsonObject().put("id", 987_654_321L).put("tenantId", tenantA).put("siteId", "plant-a")
        .put("materialId", "tb-metal").put("toStatus", "REORDER").put("condition", "LICENCE_REQUIRED")
        .put("asOf", "2026-12-02").put("raisedAt", "2026-12-02T10:00:00Z");
    JsonObject batch = new JsonObject().put("alerts", new JsonArray().add(alert));
    JsonObject first = Await.result(vertx.eventBus().<JsonObject>request(Addresses.EVENT_LOG_ALERTS, batch)).body();
    JsonObject again = Await.result(vertx.eventBus().<JsonObject>request(Addresses.EVENT_LOG_ALERTS, batch)).body();
    assertThat(first.getInteger("appended")).isEqualTo(1);
    assertThat(again.getInteger("appended")).isZero();
    // An alert the log can never hold is refused by name, not failed with its batch for good.
    JsonObject foreign = alert.copy().put("id", 987_654_322L).put("tenantId", "t-not-a-tenant");
    JsonObject mixed = Await.result(vertx.eventBus().<JsonObject>request(Addresses.EVENT_LOG_ALERTS,
        new JsonObject().put("alerts", new JsonArray().add(foreign).add(alert.copy().put("id", 987_654_323L))))).body();
    assertThat(mixed.getInteger("appended")).isEqualTo(1);
    assertThat(mixed.getJsonArray("refused")).containsExactly(987_654_322L);

    Await.result(stream.first(alertOf("plant-a", "tb-metal", "REORDER")), WAIT);
    String after = newMeasure();
    Await.result(stream.first(regimeChangeOf(after)), WAIT);
    assertThat(stream.events()).filteredOn(alertOf("plant-a", "tb-metal", "REORDER")).hasSize(2)
        .extracting(e -> e.payload().getLong("id")).containsExactly(987_654_321L, 987_654_323L);
    Await.result(stream.close());
  }

  @Test
  @DisplayName("an idle stream gets a heartbeat comment every EVENTS_HEARTBEAT_MS")
  void heartbeat() throws Exception {
    SseClient idle = Await.result(SseClient.connect(vertx, replica1, EVENTS, keyB, null));
    Await.result(idle.until(sse -> sse.heartbeats() >= 2), WAIT);
    Await.result(idle.close());
  }

  @Test
  @DisplayName("a tenant beyond EVENTS_MAX_STREAMS_PER_TENANT streams on a replica gets a 429 problem with Retry-After; "
      + "other tenants and replicas are not held back")
  void boundedStreams() throws Exception {
    String key = Await.result(platform.tenantKey("Many Streams Ltd"));
    List<SseClient> open = new ArrayList<>();
    for (int i = 0; i < MAX_STREAMS; i++) {
      open.add(Await.result(SseClient.connect(vertx, replica1, EVENTS, key, null)));
    }
    HttpResponse<Buffer> refused = Await.result(platform.call(HttpMethod.GET, EVENTS, key).send());
    assertProblem(refused, 429);
    assertThat(refused.getHeader("Retry-After")).isNotBlank();
    open.add(Await.result(SseClient.connect(vertx, replica1, EVENTS, keyB, null)));
    open.add(Await.result(SseClient.connect(vertx, replica2, EVENTS, key, null)));
    Await.result(Future.all(open.stream().map(SseClient::close).toList()));
  }

  @Test
  @DisplayName("a Last-Event-ID or lastEventId that is not a whole number is a 400 naming it; no key is a 401")
  void badResumePoint() throws Exception {
    HttpResponse<Buffer> header = Await.result(platform.call(HttpMethod.GET, EVENTS, keyA)
        .putHeader("Last-Event-ID", "yesterday").send());
    assertProblem(header, 400);
    assertThat(errorFields(header)).containsExactly("Last-Event-ID");
    HttpResponse<Buffer> query = Await.result(platform.call(HttpMethod.GET, EVENTS + "?lastEventId=-1", keyA).send());
    assertProblem(query, 400);
    assertThat(errorFields(query)).containsExactly("lastEventId");
    assertProblem(Await.result(platform.call(HttpMethod.GET, EVENTS, null).send()), 401);
  }

  @Test
  @DisplayName("a stopping gateway ends its streams cleanly instead of holding its shutdown for the grace period")
  void endsWhenTheGatewayStops() throws Exception {
    Vertx own = Vertx.vertx();
    TestPlatform stopping = Await.result(platform.anotherGateway(own,
        new JsonObject().put("SHUTDOWN_GRACE_MS", "120000")));
    SseClient stream = Await.result(SseClient.connect(vertx, stopping.gatewayPort(), EVENTS, keyA, null));
    assertThat(stopping.gatewayMetrics()).contains("supplyguard_event_streams{service=\"gateway\"} 1.0");
    Future<Void> closed = own.close();
    Await.result(stream.ended(), WAIT);
    Await.result(closed, WAIT);
    assertThatThrownBy(() -> Await.result(SseClient.connect(vertx, stopping.gatewayPort(), EVENTS, keyA, null)))
        .isInstanceOf(ExecutionException.class);
  }

  private Future<Void> site(String key, String id) {
    return platform.call(HttpMethod.POST, "/api/v1/sites", key)
        .sendJsonObject(new JsonObject().put("id", id).put("name", id).put("country", "DE"))
        .map(response -> {
          assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
          return null;
        });
  }

  /** The worked example of docs/buffer-model.md with {@code onHand}: 900 is REORDER, 100,000 is OK. */
  private void upsert(String key, String siteId, int onHand) throws Exception {
    JsonObject position = ValidBodies.position().put("onHand", onHand).put("endUse", "CIVIL");
    position.remove("alternateSource");
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.PUT,
        "/api/v1/sites/" + siteId + "/positions/dy-oxide", key).sendJsonObject(position));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
  }

  /** A regime change through the API; answers the new measure's id. */
  private String newMeasure() throws Exception {
    String id = "TEST-EVENTS-" + (++measures);
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.POST, "/api/v1/regime/measures", ADMIN_KEY)
        .sendJsonObject(ValidBodies.measure().put("id", id)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return id;
  }

  @SafeVarargs
  private static Predicate<SseClient> seen(Predicate<SseClient.Event>... each) {
    return sse -> List.of(each).stream().allMatch(p -> sse.events().stream().anyMatch(p));
  }
}
