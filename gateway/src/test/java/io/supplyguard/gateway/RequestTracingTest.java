package io.supplyguard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A request is traceable by its X-Request-Id: the gateway's access line and the service's line
 * for the bus request it caused both carry it, as structured JSON.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestTracingTest {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private TestPlatform platform;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    lines.start();
    requestsLogger().addAppender(lines);
    TestPlatform.start(vertx).onComplete(test.succeeding(started -> {
      platform = started;
      test.completeNow();
    }));
  }

  @AfterAll
  void detach() {
    requestsLogger().detachAppender(lines);
  }

  private static Logger requestsLogger() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.supplyguard.requests");
  }

  @Test
  @DisplayName("the caller's X-Request-Id is echoed, and names the gateway's access line and the licence-service's line")
  void idFollowsTheRequest(VertxTestContext test) {
    String requestId = "trace-" + System.nanoTime();
    platform.tenantKey("tracing-co")
        .compose(key -> platform.call(HttpMethod.GET, "/api/v1/licences/00000000-0000-0000-0000-000000000001", key)
            .putHeader("X-Request-Id", requestId).send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(404);
          assertThat(response.getHeader("X-Request-Id")).isEqualTo(requestId);
          Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> tagged(requestId).size() >= 2);

          JsonObject access = json(tagged(requestId).stream()
              .filter(e -> e.getFormattedMessage().equals("http request")).findFirst().orElseThrow());
          assertThat(access.getString("level")).isEqualTo("INFO");
          assertThat(access.getJsonObject("mdc").getString("requestId")).isEqualTo(requestId);
          JsonObject fields = keyValues(access);
          assertThat(fields.getString("method")).isEqualTo("GET");
          assertThat(fields.getString("route")).isEqualTo("/api/v1/licences/{id}");
          assertThat(fields.getString("status")).isEqualTo("404");
          assertThat(fields.getString("role")).isEqualTo("TENANT");
          assertThat(fields.getString("tenant")).isNotBlank();
          assertThat(Long.parseLong(fields.getString("durationMs"))).isNotNegative();

          JsonObject service = json(tagged(requestId).stream()
              .filter(e -> e.getFormattedMessage().equals("bus request")).findFirst().orElseThrow());
          assertThat(keyValues(service).getString("address")).isEqualTo("licence.licences.get");
          assertThat(keyValues(service).getString("outcome")).isEqualTo("NOT_FOUND");
          assertThat(keyValues(service).getString("tenant")).isEqualTo(fields.getString("tenant"));
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a request without an id gets one, the same in the response and in its access line")
  void idIsMadeWhenMissing(VertxTestContext test) {
    platform.call(HttpMethod.GET, "/api/v1/no-such-path", null).send()
        .onComplete(test.succeeding(response -> test.verify(() -> {
          String made = response.getHeader("X-Request-Id");
          assertThat(made).isNotBlank();
          Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !tagged(made).isEmpty());
          JsonObject fields = keyValues(json(tagged(made).get(0)));
          assertThat(fields.getString("route")).isEqualTo("unmatched");
          // Credentials are checked before routing: an anonymous caller learns nothing of paths.
          assertThat(fields.getString("status")).isEqualTo("401");
          test.completeNow();
        })));
  }

  private List<ILoggingEvent> tagged(String requestId) {
    synchronized (lines.list) {
      return lines.list.stream().filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId"))).toList();
    }
  }

  /** The line as the services' JSON encoder writes it. */
  private static JsonObject json(ILoggingEvent event) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    encoder.start();
    return new JsonObject(new String(encoder.encode(event), StandardCharsets.UTF_8).trim());
  }

  /** The line's key-value pairs, by key, as text. */
  private static JsonObject keyValues(JsonObject line) {
    JsonObject fields = new JsonObject();
    line.getJsonArray("kvpList", new JsonArray()).forEach(kv -> ((JsonObject) kv)
        .forEach(entry -> fields.put(entry.getKey(), String.valueOf(entry.getValue()))));
    return fields;
  }
}
