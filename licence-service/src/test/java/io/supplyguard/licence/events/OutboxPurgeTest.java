package io.supplyguard.licence.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox keeps what it has published for a while, not for ever; what it has not published it keeps. */
@ExtendWith(VertxExtension.class)
class OutboxPurgeTest {

  @Test
  @DisplayName("messages published more than the retention ago are deleted; newer and unpublished ones stay")
  void purgesOnlyOldPublishedMessages(Vertx vertx, VertxTestContext test) {
    JsonObject database = TestPostgres.newDatabase();
    Pool db = TestPostgres.pool(vertx, database, "licence");
    TestServices.start(vertx, new LicenceService(), database, MutableClock.at(LocalDate.parse("2026-11-30")))
        .compose(started -> db.query("""
            INSERT INTO outbox (address, payload, created_at, published_at) VALUES
              ('test.old', '{}', now() - interval '9 days', now() - interval '8 days'),
              ('test.recent', '{}', now() - interval '9 days', now() - interval '6 days'),
              ('test.unpublished', '{}', now() - interval '9 days', NULL)""").execute())
        .compose(inserted -> new OutboxPublisher(vertx, db, new SimpleMeterRegistry()).purgePublished(7))
        .compose(purged -> db.query("SELECT address FROM outbox WHERE address LIKE 'test.%' ORDER BY address").execute()
            .map(rows -> {
              List<String> left = new ArrayList<>();
              rows.forEach(row -> left.add(row.getString("address")));
              test.verify(() -> {
                assertThat(purged).isEqualTo(1);
                assertThat(left).containsExactly("test.recent", "test.unpublished");
              });
              return left;
            }))
        .onComplete(test.succeedingThenComplete());
  }
}
