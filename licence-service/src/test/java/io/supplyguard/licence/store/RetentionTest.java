package io.supplyguard.licence.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** What is kept only for a while is deleted after its retention, and nothing else is. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest {
  private Pool db;
  private Retention retention;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    JsonObject database = TestPostgres.newDatabase();
    db = TestPostgres.pool(vertx, database, "licence");
    retention = new Retention(db);
    TestServices.start(vertx, new LicenceService(), database, MutableClock.at(LocalDate.parse("2026-11-30")))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("outbox messages published more than the retention ago are deleted; newer and unpublished ones stay")
  void outbox(VertxTestContext test) {
    db.query("""
            INSERT INTO outbox (address, payload, created_at, published_at) VALUES
              ('test.old', '{}', now() - interval '9 days', now() - interval '8 days'),
              ('test.recent', '{}', now() - interval '9 days', now() - interval '6 days'),
              ('test.unpublished', '{}', now() - interval '9 days', NULL)""").execute()
        .compose(inserted -> retention.purgeOutbox(7))
        .compose(purged -> left("SELECT address AS v FROM outbox WHERE address LIKE 'test.%' ORDER BY 1").map(left -> {
          test.verify(() -> {
            assertThat(purged).isEqualTo(1);
            assertThat(left).containsExactly("test.recent", "test.unpublished");
          });
          return left;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("Idempotency-Key records older than the retention are deleted; newer ones stay")
  void idempotencyKeys(VertxTestContext test) {
    db.query("""
            INSERT INTO idempotency_record (tenant_id, idem_key, request_hash, outcome, created_at) VALUES
              ('t-retention', 'old', 'h', '{}', now() - interval '31 days'),
              ('t-retention', 'recent', 'h', '{}', now() - interval '29 days')""").execute()
        .compose(inserted -> retention.purgeIdempotencyKeys(30))
        .compose(purged -> left("SELECT idem_key AS v FROM idempotency_record WHERE tenant_id = 't-retention'")
            .map(left -> {
              test.verify(() -> {
                assertThat(purged).isEqualTo(1);
                assertThat(left).containsExactly("recent");
              });
              return left;
            }))
        .onComplete(test.succeedingThenComplete());
  }

  private Future<List<String>> left(String sql) {
    return db.query(sql).execute().map(rows -> {
      List<String> values = new ArrayList<>();
      rows.forEach(row -> values.add(row.getString("v")));
      return values;
    });
  }
}
