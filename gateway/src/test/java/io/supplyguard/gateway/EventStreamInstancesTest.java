package io.supplyguard.gateway;

import static io.supplyguard.gateway.SseClient.regimeChangeOf;
import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SSE streams of a gateway whose HTTP server runs as three instances (GATEWAY_INSTANCES=3). Each
 * instance hands its {@code /events} requests over to the notifications verticle's context, where
 * the streams and their per-tenant bound live without a lock; {@code EventStreams} fails any call
 * from another thread, so a request not handed over is a 500 here, and a close not handed over
 * keeps its place taken. Streams are opened each on a connection of its own, which the gateway
 * gives to its instances in turn; the access log shows that more than one served them.
 */
@ExtendWith(VertxExtension.class)
class EventStreamInstancesTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String EVENTS = "/api/v1/events";
  private static final int MAX_STREAMS = 4;

  @Test
  @DisplayName("streams opened through every instance get the live events; the tenant's bound counts them all, "
      + "a close on any instance frees a place, and stopping ends every stream at once")
  void streamsAcrossInstances(Vertx vertx) throws Exception {
    TestPlatform platform = Await.result(TestPlatform.start(vertx));
    Vertx own = Vertx.vertx();
    TestPlatform gateway = Await.result(platform.anotherGateway(own, new JsonObject()
        .put("GATEWAY_INSTANCES", "3").put("EVENTS_MAX_STREAMS_PER_TENANT", String.valueOf(MAX_STREAMS))
        .put("SHUTDOWN_GRACE_MS", "120000")));
    String key = Await.result(platform.tenantKey("Instances Motors"));
    int port = gateway.gatewayPort();
    try (ServingThreads threads = ServingThreads.record()) {
      List<String> ids = new ArrayList<>();
      List<SseClient> open = new ArrayList<>();
      for (int i = 0; i < MAX_STREAMS; i++) {
        ids.add("instances-sse-" + i + "-" + System.nanoTime());
        open.add(Await.result(SseClient.connectAs(vertx, port, EVENTS, key, ids.get(i))));
      }
      assertProblem(Await.result(gateway.callOnNewConnection(HttpMethod.GET, EVENTS, key).send()), 429);
      open.add(Await.result(SseClient.connect(vertx, port, EVENTS, ADMIN_KEY, null)));

      String measure = newMeasure(platform);
      for (SseClient stream : open) {
        Await.result(stream.first(regimeChangeOf(measure)), WAIT);
      }

      // Closed by their clients, the tenant's streams free their places; each is logged by its instance.
      for (SseClient stream : open.subList(0, MAX_STREAMS)) {
        Await.result(stream.close());
      }
      await().atMost(WAIT).until(() -> gateway.gatewayMetrics()
          .contains("supplyguard_event_streams{service=\"gateway\"} 1.0"));
      assertThat(threads.of(ids)).hasSizeGreaterThan(1);
      List<SseClient> again = new ArrayList<>(open.subList(MAX_STREAMS, open.size()));
      for (int i = 0; i < MAX_STREAMS; i++) {
        again.add(Await.result(SseClient.connect(vertx, port, EVENTS, key, null)));
      }

      Future<Void> stopped = own.close();
      for (SseClient stream : again) {
        Await.result(stream.ended(), WAIT);
      }
      // The grace period is two minutes: stopping this soon means no stream held the server open.
      Await.result(stopped, WAIT);
    }
  }

  private static String newMeasure(TestPlatform platform) throws Exception {
    String id = "TEST-INSTANCES-" + System.nanoTime();
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.POST, "/api/v1/regime/measures", ADMIN_KEY)
        .sendJsonObject(ValidBodies.measure().put("id", id)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return id;
  }
}
