package io.supplyguard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway keeps the element states of a date between regime changes: repeated reads do not
 * cross the bus, and a change is read at once through the gateway that made it and, after
 * {@code regime.changed}, through every other replica.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegimeAnswersCacheTest {
  private final AtomicInteger elementRequests = new AtomicInteger();
  private TestPlatform gateway;
  private TestPlatform otherReplica;
  private String tenantKey;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().addOutboundInterceptor(delivery -> {
      if (Addresses.REGIME_ELEMENTS.equals(delivery.message().address())) {
        elementRequests.incrementAndGet();
      }
      delivery.next();
    });
    TestPlatform.start(vertx)
        .compose(started -> {
          gateway = started;
          return started.anotherGateway(vertx, new JsonObject());
        })
        .compose(replica -> {
          otherReplica = replica;
          return gateway.tenantKey("Cache Co");
        })
        .onComplete(test.succeeding(key -> {
          tenantKey = key;
          test.completeNow();
        }));
  }

  private String state(TestPlatform through, String symbol, String asOf) throws Exception {
    HttpResponse<Buffer> response = Await.result(through.call(HttpMethod.GET, "/api/v1/regime/elements?asOf=" + asOf,
        tenantKey).send());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("elements").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("symbol").equals(symbol)).findFirst().orElseThrow().getString("state");
  }

  @Test
  @DisplayName("the same date asked five times crosses the bus once, and answers the same each time")
  void repeatedReadsAreKept() throws Exception {
    int before = elementRequests.get();
    String first = state(gateway, "Dy", "2026-12-15");
    for (int i = 0; i < 4; i++) {
      assertThat(state(gateway, "Dy", "2026-12-15")).isEqualTo(first);
    }
    assertThat(elementRequests.get() - before).isEqualTo(1);
    state(gateway, "Dy", "2026-12-16");
    assertThat(elementRequests.get() - before).as("another date is another answer").isEqualTo(2);
  }

  @Test
  @DisplayName("a new measure is read at once through the gateway that took it, and through another replica after regime.changed")
  void changesAreReadAtOnce() throws Exception {
    assertThat(state(gateway, "Pr", "2026-12-20")).isEqualTo("NOT_CONTROLLED");
    assertThat(state(otherReplica, "Pr", "2026-12-20")).isEqualTo("NOT_CONTROLLED");

    HttpResponse<Buffer> created = Await.result(gateway.call(HttpMethod.POST, "/api/v1/regime/measures",
        TestPlatform.ADMIN_KEY).sendJsonObject(new JsonObject().put("id", "CACHE-PR-1").put("issuer", "MOFCOM")
        .put("title", "Controls on praseodymium").put("kind", "LICENCE_REQUIRED").put("issuedOn", "2026-11-01")
        .put("inForceFrom", "2026-12-01").put("elements", new JsonArray().add("Pr"))
        .put("forms", new JsonArray().add("OXIDE")).put("source", "https://example.org/pr")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

    assertThat(state(gateway, "Pr", "2026-12-20")).isEqualTo("LICENCE_REQUIRED");
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> "LICENCE_REQUIRED".equals(state(otherReplica, "Pr", "2026-12-20")));
  }
}
