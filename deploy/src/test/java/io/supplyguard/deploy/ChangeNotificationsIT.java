package io.supplyguard.deploy;

import static io.supplyguard.deploy.Platform.WORKED_EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
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
  private static final String MEASURE = """
      {"id": "IT-EVENTS-1", "issuer": "MOFCOM", "title": "A test measure", "kind": "LICENCE_REQUIRED",
       "issuedOn": "2026-11-01", "inForceFrom": "2026-12-01", "elements": ["Er"], "forms": ["OXIDE"],
       "source": "https://example.org/announcement"}""";

  private Platform platform;
  private String key;

  @BeforeAll
  void start() throws Exception {
    platform = Platform.start(Map.of());
    key = platform.tenantKey("Event Motors");
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
    EventStreamClient events = EventStreamClient.open(platform, key, null);
    assertThat(platform.api("PUT", "/api/v1/sites/plant-1/positions/dy-oxide", key, WORKED_EXAMPLE).statusCode())
        .isEqualTo(200);
    JsonObject alert = events.next("alert");
    assertThat(alert.getJsonObject("data").getString("toStatus")).isEqualTo("REORDER");
    assertThat(platform.api("POST", "/api/v1/regime/measures", platform.adminKey, MEASURE).statusCode())
        .isEqualTo(201);
    JsonObject regime = events.next("regime.changed");
    assertThat(regime.getJsonObject("data").getString("measureId")).isEqualTo("IT-EVENTS-1");

    JsonObject resumed = EventStreamClient.open(platform, key, String.valueOf(alert.getLong("id")))
        .next("regime.changed");
    assertThat(resumed).isEqualTo(regime);
  }
}
