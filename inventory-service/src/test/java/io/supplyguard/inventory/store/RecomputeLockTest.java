package io.supplyguard.inventory.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two replicas (two pools, as two processes would have) never recompute at the same time. */
@ExtendWith(VertxExtension.class)
class RecomputeLockTest {

  @Test
  @DisplayName("the second replica's recompute starts only when the first one's has finished, failed or not")
  void oneAtATime(Vertx vertx) throws Exception {
    JsonObject db = TestPostgres.newDatabase();
    RecomputeLock first = new RecomputeLock(TestPostgres.pool(vertx, db));
    RecomputeLock second = new RecomputeLock(TestPostgres.pool(vertx, db));
    List<String> events = new CopyOnWriteArrayList<>();
    Promise<String> release = Promise.promise();

    Future<String> a = first.exclusively(() -> {
      events.add("a started");
      return release.future().onComplete(done -> events.add("a ended"));
    });
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> events.contains("a started"));
    Future<String> b = second.exclusively(() -> {
      events.add("b started");
      return Future.succeededFuture("b");
    });
    // b waits in PostgreSQL for as long as a holds the lock.
    Thread.sleep(500);
    assertThat(events).containsExactly("a started");

    release.fail(new IllegalStateException("a's recompute failed"));
    assertThat(Await.result(b)).isEqualTo("b");
    assertThat(a.failed()).isTrue();
    assertThat(events).containsExactly("a started", "a ended", "b started");
  }
}
