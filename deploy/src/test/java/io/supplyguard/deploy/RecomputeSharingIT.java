package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two inventory-service replicas in their own JVMs share the recompute of a change reaching
 * 20,000 positions, and one killed with SIGKILL in the middle of one leaves nothing undone and
 * nothing done twice. With the global lock this replaced, each replica recomputed every
 * position of every change (the second finding nothing to alert), so neither share could be
 * under 100%, and a kill lost nothing only because the other replica did all the work again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecomputeSharingIT {
  private static final Logger LOG = LoggerFactory.getLogger(RecomputeSharingIT.class);
  private static final int SITES = 10_000;
  private static final int POSITIONS = 2 * SITES;
  private static final Pattern STORED = Pattern.compile("^supplyguard_recompute_stored_positions_total\\S* (\\S+)$",
      Pattern.MULTILINE);

  private Platform platform;
  /** The tenant's id, as the gateway made it: the event log holds alerts of its tenants only. */
  private String tenant;

  @BeforeAll
  void start() throws Exception {
    // Parts of 500, so that 20,000 positions are 40 parts to share; a lease shorter than the
    // default, so that a killed replica's part is taken over within the test. (On a loaded
    // machine a part can outlast it: then it is taken over and its first holder's commit is
    // refused, which the positions stored, counted exactly, would show if it were not.)
    platform = Platform.start(Map.of("inventory-service", 2),
        Map.of("RECOMPUTE_PAGE_SIZE", "500", "RECOMPUTE_LEASE_MS", "10000"));
    tenant = new JsonObject(platform.api("POST", "/api/v1/tenants", platform.adminKey, "{\"name\":\"Sharing Ltd\"}")
        .body()).getString("id");
    try (Connection db = platform.database(); Statement sql = db.createStatement()) {
      sql.execute("INSERT INTO inventory.site (tenant_id, id, name) SELECT '" + tenant + "', 'site-' || s, 'Site'"
          + " FROM generate_series(1, " + SITES + ") s");
      sql.execute("""
          INSERT INTO inventory.position (tenant_id, site_id, material_id, on_hand, on_order, demand_mean,
                                          demand_std, lead_time_mean, lead_time_std, service_level, review_period,
                                          order_quantity, end_use, destination)
          SELECT s.tenant_id, s.id, m, 200 + (substring(s.id from 6)::int * 37) % 1500, 0, 10, 4, 30, 5, 0.95, 0,
                 300, 'CIVIL', 'DE'
          FROM inventory.site s, unnest(ARRAY['dy-oxide', 'tb-metal']) m""");
    }
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
  }

  @Test
  @Order(1)
  @DisplayName("a change reaching 20,000 positions: each replica recomputes at least 30%, each position once")
  void replicasShareTheWork() throws Exception {
    Map<String, Double> before = storedByReplica();
    long jobId = change("IT-SHARE-1", "LICENCE_REQUIRED");
    awaitDone(jobId, Duration.ofMinutes(3));

    Map<String, Double> after = storedByReplica();
    double total = 0;
    for (String replica : after.keySet()) {
      double share = (after.get(replica) - before.get(replica)) / POSITIONS;
      LOG.info("{} stored {}% of the change's positions", replica, Math.round(1000 * share) / 10.0);
      assertThat(share).as(replica + "'s share of the positions").isGreaterThanOrEqualTo(0.30);
      total += after.get(replica) - before.get(replica);
    }
    assertThat(total).as("positions stored by both replicas together").isEqualTo(POSITIONS);
    assertThat(number("SELECT sum(positions) FROM inventory.recompute_part WHERE job_id = " + jobId))
        .isEqualTo(POSITIONS);
    assertThat(number("SELECT count(*) FROM inventory.recommendation WHERE tenant_id = '" + tenant + "'"))
        .isEqualTo(POSITIONS);
  }

  @Test
  @Order(2)
  @DisplayName("a replica killed (SIGKILL) in the middle of a recompute: its part is taken over when the lease ends, "
      + "every position is recomputed, and every status change raises exactly one alert, in the event log once")
  void aKilledReplicasPartIsTakenOver() throws Exception {
    long alertsBefore = number("SELECT coalesce(max(id), 0) FROM inventory.alert");
    Map<String, String> statusBefore = statuses();
    long jobId = change("IT-SHARE-2", "PROHIBITION");

    // Kill the replica holding a part once some parts are stored: its work is half done.
    String victim = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(
        () -> number("SELECT count(*) FROM inventory.recompute_part WHERE job_id = " + jobId
            + " AND state = 'DONE'") >= 4 ? holderOfAPart(jobId) : null, holder -> holder != null);
    platform.process(victim).kill();
    awaitDone(jobId, Duration.ofMinutes(3));

    assertThat(number("SELECT count(*) FROM inventory.recompute_part WHERE job_id = " + jobId + " AND claims > 1"))
        .as("parts taken over from the killed replica").isPositive();
    assertThat(number("SELECT sum(positions) FROM inventory.recompute_part WHERE job_id = " + jobId))
        .as("positions stored, each once").isEqualTo(POSITIONS);
    Map<String, String> statusAfter = statuses();
    long changed = statusBefore.keySet().stream().filter(k -> !statusBefore.get(k).equals(statusAfter.get(k))).count();
    assertThat(changed).as("positions whose status the change changed").isPositive();
    assertThat(number("SELECT count(*) FROM inventory.alert WHERE id > " + alertsBefore)).isEqualTo(changed);
    assertThat(number("SELECT count(*) FROM (SELECT site_id, material_id FROM inventory.alert WHERE id > "
        + alertsBefore + " GROUP BY site_id, material_id HAVING count(*) > 1) twice")).isZero();
    // Every one of them reaches the gateway's event log, once.
    await().atMost(Duration.ofMinutes(1)).until(() -> number("SELECT count(*) FROM gateway.event WHERE type = 'alert'"
        + " AND (payload->>'id')::bigint > " + alertsBefore) == changed);
    assertThat(number("SELECT count(*) FROM inventory.alert WHERE id > " + alertsBefore
        + " AND delivered_at IS NULL")).isZero();
    platform.restart(victim);
  }

  /** Creates a measure over Dy and Tb (every seeded position); answers the recompute job it became. */
  private long change(String id, String kind) throws Exception {
    String measure = new JsonObject().put("id", id).put("issuer", "MOFCOM").put("title", "A test measure " + id)
        .put("kind", kind).put("issuedOn", "2026-11-01").put("inForceFrom", "2026-11-01")
        .put("elements", List.of("Dy", "Tb")).put("forms", List.of("OXIDE", "METAL"))
        .put("source", "https://example.org/" + id).encode();
    java.net.http.HttpResponse<String> created = platform.api("POST", "/api/v1/regime/measures", platform.adminKey,
        measure);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return await().atMost(Duration.ofSeconds(30)).until(() -> number(
        "SELECT coalesce(max(id), 0) FROM inventory.recompute_job WHERE reason LIKE '%" + id + "%'"), job -> job > 0);
  }

  private void awaitDone(long jobId, Duration patience) {
    await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> number(
        "SELECT count(*) FROM inventory.recompute_job WHERE id = " + jobId + " AND state = 'DONE'") == 1);
  }

  /** The instance holding a part of the job now, by the pid it signs its claims with; null if none. */
  private String holderOfAPart(long jobId) throws SQLException {
    for (String instance : List.of("inventory-service", "inventory-service-2")) {
      if (number("SELECT count(*) FROM inventory.recompute_part WHERE job_id = " + jobId + " AND state = 'CLAIMED'"
          + " AND owner LIKE '" + platform.process(instance).pid() + "@%'") > 0) {
        return instance;
      }
    }
    return null;
  }

  private Map<String, Double> storedByReplica() {
    Map<String, Double> stored = new LinkedHashMap<>();
    for (String instance : List.of("inventory-service", "inventory-service-2")) {
      Matcher matcher = STORED.matcher(platform.management(instance, "/metrics").body());
      assertThat(matcher.find()).as(instance + " reports supplyguard_recompute_stored_positions_total").isTrue();
      stored.put(instance, Double.parseDouble(matcher.group(1)));
    }
    return stored;
  }

  private Map<String, String> statuses() throws SQLException {
    Map<String, String> statuses = new LinkedHashMap<>();
    try (Connection db = platform.database(); Statement sql = db.createStatement();
         ResultSet rows = sql.executeQuery("SELECT site_id, material_id, status FROM inventory.recommendation"
             + " WHERE tenant_id = '" + tenant + "'")) {
      while (rows.next()) {
        statuses.put(rows.getString(1) + "/" + rows.getString(2), rows.getString(3));
      }
    }
    return statuses;
  }

  private long number(String query) throws SQLException {
    try (Connection db = platform.database(); Statement sql = db.createStatement();
         ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
