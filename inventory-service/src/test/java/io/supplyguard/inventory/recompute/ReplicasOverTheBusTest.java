package io.supplyguard.inventory.recompute;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two inventory-service replicas on one database: both receive every published change, which
 * becomes one recompute job whose parts both replicas claim, so each position is stored once
 * and each status change raises exactly one alert. (Two replicas in separate JVMs, one of them
 * killed: deploy's RecomputeSharingIT.)
 */
@ExtendWith(VertxExtension.class)
class ReplicasOverTheBusTest {

  @Test
  @DisplayName("a regime change reaching 400 positions, recomputed by two replicas in parts of 25, stores each part "
      + "once and alerts each change once")
  void oneAlertPerChange(Vertx vertx) throws Exception {
    JsonObject db = TestPostgres.newDatabase().put("OUTBOX_FLUSH_MS", "100").put("RECOMPUTE_PAGE_SIZE", "25");
    Await.result(TestServices.start(vertx, new LicenceService(), db, Clock.systemUTC()));
    Await.result(TestServices.start(vertx, new InventoryService(), db, Clock.systemUTC()));
    Await.result(TestServices.start(vertx, new InventoryService(), db, Clock.systemUTC()));
    Pool inventory = TestPostgres.pool(vertx, db, "inventory");
    // Each replica's check for stale positions at start is done before the positions exist.
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Await.result(inventory.query(
        "SELECT count(*) AS n FROM recompute_job WHERE state <> 'DONE'").execute()).iterator().next().getLong("n") == 0);
    Await.result(inventory.query("""
        INSERT INTO site (tenant_id, id, name) SELECT 't-replicas', 'site-' || s, 'Site ' || s
        FROM generate_series(1, 200) s""").execute());
    Await.result(inventory.query("""
        INSERT INTO position (tenant_id, site_id, material_id, on_hand, on_order, demand_mean, demand_std,
                              lead_time_mean, lead_time_std, service_level, review_period, order_quantity,
                              end_use, destination)
        SELECT s.tenant_id, s.id, m, 200 + (s.id_number * 37) % 1500, 0, 10, 4, 30, 5, 0.95, 0, 300, 'CIVIL', 'DE'
        FROM (SELECT tenant_id, id, substring(id from 6)::int AS id_number FROM site) s,
             unnest(ARRAY['dy-oxide', 'tb-metal']) m""").execute());

    List<JsonObject> recomputed = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> done = vertx.eventBus().consumer(Addresses.INVENTORY_RECOMPUTED,
        m -> recomputed.add(m.body()));
    Await.result(done.completion());
    Await.result(new BusClient(vertx, Duration.ofSeconds(20)).request(Addresses.REGIME_MEASURE_AMEND,
        new JsonObject().put("id", "MOFCOM-GAC-2025-18").put("source", "replica test"),
        new BusClient.Caller("replicas", null, Role.ADMIN)));

    // One job for the change, whichever replica heard it first; both replicas take parts of it.
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> recomputed.stream()
        .anyMatch(r -> r.getString("reason").contains("MOFCOM-GAC-2025-18")));
    assertThat(Await.result(inventory.query("SELECT count(*) AS n FROM recompute_job WHERE reason LIKE"
        + " '%MOFCOM-GAC-2025-18%'").execute()).iterator().next().getLong("n")).as("jobs for the change").isEqualTo(1);
    List<JsonObject> runs = recomputed.stream().filter(r -> r.getString("reason").contains("MOFCOM-GAC-2025-18"))
        .toList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getInteger("positions")).isEqualTo(400);
    long jobId = runs.get(0).getLong("jobId");
    List<Long> perReplica = Await.result(inventory.preparedQuery("""
        SELECT owner, sum(positions) AS n, count(*) FILTER (WHERE claims > 1) AS retaken FROM recompute_part
        WHERE job_id = $1 AND state = 'DONE' GROUP BY owner""").execute(Tuple.of(jobId)))
        .stream().map(row -> row.getLong("n")).toList();
    assertThat(perReplica).as("positions stored by each replica").hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(perReplica.stream().mapToLong(Long::longValue).sum()).isEqualTo(400);

    long alerts = Await.result(inventory.query("SELECT count(*) AS n FROM alert").execute()).iterator().next()
        .getLong("n");
    long positionsNotOk = Await.result(inventory.query("SELECT count(*) AS n FROM recommendation WHERE status <> 'OK'")
        .execute()).iterator().next().getLong("n");
    long duplicated = Await.result(inventory.query("""
        SELECT count(*) AS n FROM (SELECT site_id, material_id FROM alert GROUP BY site_id, material_id
                                   HAVING count(*) > 1) d""").execute()).iterator().next().getLong("n");
    assertThat(positionsNotOk).as("positions that were not OK once computed").isPositive();
    assertThat(alerts).as("one alert per first status that is not OK").isEqualTo(positionsNotOk);
    assertThat(runs.get(0).getInteger("alerts")).as("alerts the job raised").isEqualTo((int) alerts);
    assertThat(duplicated).isZero();
  }
}
