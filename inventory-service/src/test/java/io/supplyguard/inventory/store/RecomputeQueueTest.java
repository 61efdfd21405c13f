package io.supplyguard.inventory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.supplyguard.inventory.store.RecomputeQueue.Claimant;
import io.supplyguard.inventory.store.RecomputeQueue.Next;
import io.supplyguard.inventory.store.RecomputeQueue.Part;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared recompute queue on a real PostgreSQL, played by two claimants as two replicas
 * would: changes become jobs once, parts cover a selection exactly once, a part whose lease
 * ended is taken over and its late writer fenced off, and jobs run one after another.
 */
@ExtendWith(VertxExtension.class)
class RecomputeQueueTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final Selection ALL = new Selection.All();
  private static final Claimant A = new Claimant("replica-a", Duration.ofSeconds(30), 3);
  private static final Claimant B = new Claimant("replica-b", Duration.ofSeconds(30), 3);

  private Pool pool;

  @BeforeEach
  void database(Vertx vertx) throws Exception {
    JsonObject db = TestPostgres.newDatabase();
    Flyway.configure().dataSource("jdbc:postgresql://127.0.0.1:" + db.getString("PGPORT") + "/"
            + db.getString("PGDATABASE"), "postgres", "").schemas("inventory").defaultSchema("inventory")
        .createSchemas(true).locations("classpath:db/migration/inventory").load().migrate();
    pool = TestPostgres.pool(vertx, db, "inventory");
    Await.result(pool.query("INSERT INTO site (tenant_id, id, name) SELECT 't', 's' || n, 'Site' FROM generate_series(1, 10) n")
        .execute());
    Await.result(pool.query("""
        INSERT INTO position (tenant_id, site_id, material_id, on_hand, on_order, demand_mean, demand_std,
                              lead_time_mean, lead_time_std, service_level, review_period, order_quantity,
                              end_use, destination)
        SELECT 't', id, 'dy-oxide', 100, 0, 10, 4, 30, 5, 0.95, 0, 300, 'CIVIL', 'DE' FROM site""").execute());
  }

  @Test
  @DisplayName("a change heard by every replica is one job; changes to the same positions fold while it waits")
  void changesBecomeJobsOnce() throws Exception {
    Selection licence = new Selection.CoverableBy("t", List.of("Dy"), List.of("OXIDE"), "DE");
    long first = Await.result(RecomputeQueue.enqueue(pool, "change-1", licence, "licence L", TODAY,
        Duration.ofSeconds(5)));
    assertThat(Await.result(RecomputeQueue.enqueue(pool, "change-1", licence, "licence L", TODAY,
        Duration.ofSeconds(5))))
        .as("the same change heard by a second replica").isEqualTo(first);
    assertThat(Await.result(RecomputeQueue.enqueue(pool, "change-2", licence, "licence L", TODAY,
        Duration.ofSeconds(5))))
        .as("another change to the same positions while the job waits").isEqualTo(first);
    long other = Await.result(RecomputeQueue.enqueue(pool, "change-3", ALL, "regime", TODAY, Duration.ZERO));
    assertThat(other).isNotEqualTo(first);
    assertThat(changes(first)).isEqualTo(2);
    assertThat(changes(other)).isEqualTo(1);
  }

  @Test
  @DisplayName("two replicas claiming in turn cover the selection in parts of 3, each position in exactly one part")
  void partsCoverTheSelectionOnce() throws Exception {
    Await.result(RecomputeQueue.enqueue(pool, "change-1", ALL, "regime", TODAY, Duration.ZERO));
    List<Part> parts = new ArrayList<>();
    Next next;
    int turn = 0;
    while ((next = Await.result(RecomputeQueue.next(pool, turn++ % 2 == 0 ? A : B))) instanceof Next.Claimed claimed) {
      parts.add(claimed.part());
    }
    assertThat(next).as("every part handed out and none stored yet").isInstanceOf(Next.Wait.class);
    List<String> covered = new ArrayList<>();
    for (Part part : parts) {
      List<String> sites = Await.result(PositionRepository.range(pool, ALL, part.after(), part.upto(), 100))
          .stream().map(p -> p.key().siteId()).toList();
      covered.addAll(sites);
      Await.result(pool.withTransaction(tx -> RecomputeQueue.complete(tx, part, sites.size(), 0)));
    }
    assertThat(parts).extracting(Part::number).containsExactly(1, 2, 3, 4);
    assertThat(covered).containsExactlyInAnyOrder("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");
    Next finished = Await.result(RecomputeQueue.next(pool, B));
    assertThat(finished).isInstanceOf(Next.Finished.class);
    assertThat(((Next.Finished) finished).positions()).isEqualTo(10);
    assertThat(Await.result(RecomputeQueue.next(pool, A))).isInstanceOf(Next.Idle.class);
  }

  @Test
  @DisplayName("a part whose lease ended is taken over; the replica that held it cannot store it any more")
  void leasesEndAndLateWritersAreFenced() throws Exception {
    Claimant shortLease = new Claimant("replica-a", Duration.ofSeconds(2), 10);
    Await.result(RecomputeQueue.enqueue(pool, "change-1", ALL, "regime", TODAY, Duration.ZERO));
    Part held = ((Next.Claimed) Await.result(RecomputeQueue.next(pool, shortLease))).part();
    assertThat(Await.result(RecomputeQueue.next(pool, B))).as("the lease still runs: nothing to claim")
        .isInstanceOf(Next.Wait.class);
    // Asked again until the lease has ended: then the part is B's.
    Part taken = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> Await.result(RecomputeQueue.next(pool, B)), next -> next instanceof Next.Claimed)
        instanceof Next.Claimed c
        ? c.part() : null;
    assertThat(taken.number()).isEqualTo(held.number());
    assertThat(taken.takenOver()).isTrue();
    assertThat(taken.upto()).isEqualTo(held.upto());

    assertThatThrownBy(() -> Await.result(pool.withTransaction(tx -> RecomputeQueue.complete(tx, held, 10, 0))))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RecomputeQueue.LeaseLost.class);
    Await.result(pool.withTransaction(tx -> RecomputeQueue.complete(tx, taken, 10, 4)));
    Next.Finished finished = (Next.Finished) Await.result(RecomputeQueue.next(pool, A));
    assertThat(finished.positions()).isEqualTo(10);
    assertThat(finished.alerts()).isEqualTo(4);
  }

  @Test
  @DisplayName("a later job's parts wait until every part of the earlier job is stored")
  void jobsRunInOrder() throws Exception {
    Await.result(RecomputeQueue.enqueue(pool, "change-1", ALL, "first", TODAY, Duration.ZERO));
    Await.result(RecomputeQueue.enqueue(pool, "change-2", new Selection.OfTenant("t"), "second", TODAY, Duration.ZERO));
    List<Part> first = new ArrayList<>();
    Next next;
    while ((next = Await.result(RecomputeQueue.next(pool, A))) instanceof Next.Claimed claimed) {
      first.add(claimed.part());
    }
    assertThat(first).allSatisfy(part -> assertThat(part.job().reason()).isEqualTo("first"));
    assertThat(Await.result(RecomputeQueue.next(pool, B))).isInstanceOf(Next.Wait.class);
    for (Part part : first) {
      Await.result(pool.withTransaction(tx -> RecomputeQueue.complete(tx, part, 3, 0)));
    }
    assertThat(Await.result(RecomputeQueue.next(pool, B))).isInstanceOf(Next.Finished.class);
    Part second = ((Next.Claimed) Await.result(RecomputeQueue.next(pool, B))).part();
    assertThat(second.job().reason()).isEqualTo("second");
    assertThat(second.after()).isEqualTo(PositionKey.FIRST);
  }

  private int changes(long job) throws Exception {
    return Await.result(pool.preparedQuery("SELECT changes FROM recompute_job WHERE id = $1").execute(Tuple.of(job)))
        .iterator().next().getInteger("changes");
  }
}
