package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Change notifications across JVMs: events published by the inventory- and licence-services in
 * their own JVMs reach the gateway's over the clustered bus, and an SSE client of the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeNotificationsIT {
  private static final String POSITION = """
      {"onHand": 900, "onOrder": 0, "demandMeanPerDay": 10, "demandStdPerDay": 4, "leadTimeMeanDays": 30,
       "leadTimeStdDays": 5, "serviceLevel": 0.95, "reviewPeriodDays": 0, "orderQuantity": 300,
       "endUse": "CIVIL", "destination": "DE"}""";
  private static final String MEASURE = """
      {"id": "IT-EVENTS-1", "issuer": "MOFCOM", "title": "A test measure", "kind": "LICENCE_REQUIRED",
       "issuedOn": "2026-11-01", "inForceFrom": "2026-12-01", "elements": ["Er"], "forms": ["OXIDE"],
       "source": "https://example.org/announcement"}""";

  private Platform platform;
  private String key;

  @BeforeAll
  void start() throws Exception {
    platform = Platform.start(Map.of());
    key = new JsonObject(platform.api("POST", "/api/v1/tenants", platform.adminKey, "{\"name\":\"Event Motors\"}")
        .body()).getString("apiKey");
    assertThat(platform.api("POST", "/api/v1/sites", key, "{\"id\": \"plant-1\", \"name\": \"Plant 1\"}")
        .statusCode()).isEqualTo(201);
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
  }

  @Test
  @DisplayName("an alert raised in the inventory-service's JVM and a regime change made in the licence-service's "
      + "reach an SSE client of the gateway's, and Last-Event-ID resumes between them")
  void acrossJvms() throws Exception {
    BlockingQueue<String> lines = stream(null);
    assertThat(platform.api("PUT", "/api/v1/sites/plant-1/positions/dy-oxide", key, POSITION).statusCode())
        .isEqualTo(200);
    JsonObject alert = next(lines, "alert");
    assertThat(alert.getJsonObject("data").getString("toStatus")).isEqualTo("REORDER");
    assertThat(platform.api("POST", "/api/v1/regime/measures", platform.adminKey, MEASURE).statusCode())
        .isEqualTo(201);
    JsonObject regime = next(lines, "regime.changed");
    assertThat(regime.getJsonObject("data").getString("measureId")).isEqualTo("IT-EVENTS-1");

    JsonObject resumed = next(stream(String.valueOf(alert.getLong("id"))), "regime.changed");
    assertThat(resumed).isEqualTo(regime);
  }

  /** Opens the stream; its lines arrive in the queue as the gateway writes them. */
  private BlockingQueue<String> stream(String lastEventId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri("/api/v1/events"))
        .header("Authorization", "Bearer " + key);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response = platform.http().sendAsync(request.build(),
        HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** The data of the next event of {@code type}; fails after 30 s without one. */
  private static JsonObject next(BlockingQueue<String> lines, String type) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    boolean typed = false;
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(line).as("an event: " + type + " within 30 s").isNotNull();
      if (line.startsWith("event: ")) {
        typed = line.equals("event: " + type);
      } else if (typed && line.startsWith("data: ")) {
        return new JsonObject(line.substring(6));
      }
    }
  }
}
