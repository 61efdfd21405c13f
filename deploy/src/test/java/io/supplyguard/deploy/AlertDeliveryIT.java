package io.supplyguard.deploy;

import static io.supplyguard.deploy.Platform.WORKED_EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.supplyguard.inventory.recompute.FaultPoint;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An alert committed by a recompute survives the inventory-service dying before it is
 * delivered: the service halts at the fault point right after its transaction commits (as a
 * kill -9 there would end it) and, started again, delivers the alert from its outbox. When
 * alerts were published on the bus after the commit, this alert was never heard of: no event
 * in the log, no SSE event, no webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertDeliveryIT {
  private Platform platform;
  private HttpServer receiver;
  private final List<Map<String, String>> deliveries = new CopyOnWriteArrayList<>();
  private String key;
  private String tenantId;

  @BeforeAll
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      Map<String, String> delivery = new HashMap<>();
      delivery.put("eventId", exchange.getRequestHeaders().getFirst("X-SupplyGuard-Event-Id"));
      delivery.put("type", exchange.getRequestHeaders().getFirst("X-SupplyGuard-Event-Type"));
      delivery.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      deliveries.add(delivery);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    platform = Platform.start(Map.of(), Map.of("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", "true", "WEBHOOK_POLL_MS", "200"));
    JsonObject tenant = new JsonObject(platform.api("POST", "/api/v1/tenants", platform.adminKey,
        "{\"name\":\"Crash Motors\"}").body());
    key = tenant.getString("apiKey");
    tenantId = tenant.getString("id");
    assertThat(platform.api("POST", "/api/v1/sites", key, "{\"id\": \"plant-1\", \"name\": \"Plant 1\"}")
        .statusCode()).isEqualTo(201);
    String hook = new JsonObject().put("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
        .put("events", List.of("alert")).encode();
    assertThat(platform.api("POST", "/api/v1/webhooks", key, hook).statusCode()).isEqualTo(201);
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
    receiver.stop(0);
  }

  @Test
  @DisplayName("the inventory-service halts right after a recompute commits an alert; started again, it delivers "
      + "the alert: one SSE event, one webhook delivery")
  void committedAlertSurvivesACrash() throws Exception {
    EventStreamClient events = EventStreamClient.open(platform, key, null);
    assertThat(platform.process("inventory-service").terminate(30)).isNotEqualTo(-1);
    platform.restart("inventory-service", Map.of("FAULT_HALT_AT", FaultPoint.AFTER_RECOMPUTE_COMMIT));

    // The position's first recommendation is REORDER: the transaction stores it with its alert,
    // then the service halts before anything is delivered (the caller gets no answer).
    platform.api("PUT", "/api/v1/sites/plant-1/positions/dy-oxide", key, WORKED_EXAMPLE);
    assertThat(platform.process("inventory-service").exitCode(60)).as("halted at the fault point").isEqualTo(137);
    long alertId = number("SELECT id FROM inventory.alert WHERE tenant_id = '" + tenantId + "'"
        + " AND delivered_at IS NULL AND to_status = 'REORDER'");
    assertThat(number("SELECT count(*) FROM gateway.event WHERE source_key = 'alert:" + alertId + "'"))
        .as("the alert in the event log before the restart").isZero();

    platform.restart("inventory-service", new HashMap<>(Map.of("FAULT_HALT_AT", "")));
    JsonObject alert = events.next("alert");
    assertThat(alert.getJsonObject("data").getLong("id")).isEqualTo(alertId);
    assertThat(alert.getJsonObject("data").getString("toStatus")).isEqualTo("REORDER");
    await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries.isEmpty());
    assertThat(new JsonObject(deliveries.get(0).get("body")).getJsonObject("data").getLong("id")).isEqualTo(alertId);

    // Once each: nothing more arrives, and the outbox holds nothing undelivered.
    assertThat(events.next("alert", Duration.ofSeconds(5))).isNull();
    assertThat(deliveries).hasSize(1);
    assertThat(number("SELECT count(*) FROM gateway.event WHERE source_key = 'alert:" + alertId + "'")).isEqualTo(1);
    assertThat(number("SELECT count(*) FROM inventory.alert WHERE delivered_at IS NULL")).isZero();
  }

  private long number(String query) throws Exception {
    try (Connection db = platform.database(); Statement sql = db.createStatement();
         ResultSet rows = sql.executeQuery(query)) {
      assertThat(rows.next()).as(query).isTrue();
      return rows.getLong(1);
    }
  }
}
