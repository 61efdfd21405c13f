package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, in real processes: a licence-service replica killed with SIGKILL while
 * drawdowns stream in, and PostgreSQL stopped and started again under the same load. Afterwards
 * every acknowledged drawdown is in PostgreSQL exactly once and no shipment is counted twice.
 * And the inventory-service stopped and started again while the rest keeps working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FaultsIT.class);
  private static final int CLIENTS = 8;
  private Platform platform;
  private String key;

  @BeforeAll
  void start() throws Exception {
    // A short send timeout, so requests caught on the killed replica fail fast; a circuit that
    // does not open on them, so that the survivor keeps serving.
    platform = Platform.start(Map.of("licence-service", 2), Map.of("GATEWAY_LICENCE_TIMEOUT_MS", "3000",
        "GATEWAY_CIRCUIT_MAX_FAILURES", "100000", "GATEWAY_RATE_PER_SECOND", "100000",
        "GATEWAY_RATE_BURST", "100000"));
    key = platform.tenantKey("Faults Co");
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
  }

  private String licence() throws Exception {
    return new JsonObject(platform.api("POST", "/api/v1/licences", key, """
        {"type": "GENERAL", "exporter": "Baotou", "elements": ["Dy"], "forms": ["OXIDE"], "quantityKg": 10000000,
         "destination": "DE", "endUse": "CIVIL"}""").body()).getString("id");
  }

  @Test
  @Order(1)
  @DisplayName("one of two licence-service replicas killed under drawdown load: every acknowledged drawdown stored once, "
      + "errors only around the kill, the survivor serves the rest")
  void replicaKilled() throws Exception {
    String licence = licence();
    long settled;
    DrawdownLoad load = new DrawdownLoad(platform, key, licence, CLIENTS);
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged.size() >= 200);
      long killedAt = System.nanoTime();
      platform.process("licence-service-2").kill();
      // Requests caught on the dead replica fail within the 3 s send timeout; the cluster drops
      // the dead member within seconds. From then on, the survivor serves every request.
      Thread.sleep(10_000);
      settled = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedAfter(settled) >= 300);
      assertThat(load.acknowledgedAfter(killedAt)).isGreaterThan(300);
    } finally {
      load.close();
    }
    assertThat(load.failuresAfter(settled)).as("failures once the cluster had dropped the dead replica").isEmpty();
    assertThat(load.failed.size()).as("requests that failed, of " + (load.failed.size() + load.acknowledged.size()))
        .isLessThanOrEqualTo(CLIENTS * 20);
    assertStoredOnce(licence, load);
  }

  @Test
  @Order(2)
  @DisplayName("PostgreSQL stopped and started again under drawdown load: readiness goes false then true, "
      + "callers get 503 (the gateway's own lookups too), no acknowledged drawdown is lost or doubled")
  void databaseRestarted() throws Exception {
    String licence = licence();
    // A key no request has used yet: the gateway must look it up in its own database.
    String uncachedKey = platform.tenantKey("Faults Later Co");
    DrawdownLoad load = new DrawdownLoad(platform, key, licence, CLIENTS);
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged.size() >= 200);
      platform.stopPostgres();
      await().atMost(Duration.ofSeconds(30)).until(() -> platform.status("licence-service", "/health/ready") == 503);
      var lookupFailed = platform.api("GET", "/api/v1/licences", uncachedKey, null);
      assertThat(lookupFailed.statusCode()).as("a key lookup while the gateway's database is away: "
          + lookupFailed.body()).isEqualTo(503);
      assertThat(lookupFailed.headers().firstValue("Retry-After")).isPresent();
      platform.startPostgresAgain();
      await().atMost(Duration.ofSeconds(60)).until(() -> platform.status("licence-service", "/health/ready") == 200);
      long back = System.nanoTime();
      await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedAfter(back) >= 200);
    } finally {
      load.close();
    }
    assertThat(load.failed.values()).as("while the database was away callers got 503 (or 504), never a 500")
        .allMatch(f -> f.outcome().equals("503") || f.outcome().equals("504"));
    assertStoredOnce(licence, load);
  }

  @Test
  @Order(3)
  @DisplayName("inventory-service stopped: its routes answer 503 at once while the regime and licences keep working; "
      + "started again, its routes answer again")
  void inventoryStopped() throws Exception {
    String licence = licence();
    assertThat(platform.api("GET", "/api/v1/materials", key, null).statusCode()).isEqualTo(200);
    platform.process("inventory-service").close();

    await().atMost(Duration.ofSeconds(30)).until(() ->
        platform.api("GET", "/api/v1/materials", key, null).statusCode() == 503);
    long start = System.nanoTime();
    var unavailable = platform.api("GET", "/api/v1/recommendations", key, null);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
    assertThat(took).as("answered at once, not after a send timeout").isLessThan(Duration.ofSeconds(2));
    assertThat(platform.api("GET", "/api/v1/regime/elements", key, null).statusCode()).isEqualTo(200);
    assertThat(platform.api("POST", "/api/v1/licences/" + licence + "/drawdowns", key,
        "{\"quantityKg\": 1, \"shipmentRef\": \"DURING-INVENTORY-OUTAGE\"}").statusCode()).isEqualTo(201);

    platform.restart("inventory-service");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
        platform.api("GET", "/api/v1/materials", key, null).statusCode() == 200);
    assertThat(platform.api("GET", "/api/v1/recommendations", key, null).statusCode()).isEqualTo(200);
  }

  /** Every acknowledged shipment stored exactly once, none stored twice, drawnKg the sum. */
  private void assertStoredOnce(String licence, DrawdownLoad load) throws Exception {
    LOG.info("{} drawdowns acknowledged, {} failed: {}", load.acknowledged.size(), load.failed.size(),
        load.failed.values().stream().collect(java.util.stream.Collectors.groupingBy(DrawdownLoad.Failure::outcome,
            java.util.stream.Collectors.counting())));
    Map<String, Integer> stored = new HashMap<>();
    try (Connection db = platform.database();
         PreparedStatement query = db.prepareStatement(
             "SELECT shipment_ref, count(*) FROM licence.drawdown WHERE licence_id = ?::uuid GROUP BY shipment_ref")) {
      query.setString(1, licence);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    assertThat(stored.values()).as("shipments stored more than once").allMatch(n -> n == 1);
    assertThat(stored.keySet()).as("acknowledged drawdowns missing from PostgreSQL").containsAll(load.acknowledged);
    // A request whose answer was lost may have been stored; nothing else may have been.
    assertThat(load.failed.keySet()).containsAll(stored.keySet().stream()
        .filter(ref -> !load.acknowledged.contains(ref)).toList());
    JsonObject read = new JsonObject(platform.api("GET", "/api/v1/licences/" + licence, key, null).body());
    assertThat(read.getDouble("drawnKg")).isEqualTo((double) stored.size());
  }
}
