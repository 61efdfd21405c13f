package io.supplyguard.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.gateway.GatewayService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How replicas share deliveries, on the gateway's schema in a real PostgreSQL: a claimed
 * delivery is nobody else's until its lease ends, a row another replica is claiming is skipped
 * rather than waited for, and only the lease holder records an attempt.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryClaimsTest {
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  private Pool pool;
  private DeliveryRepository deliveries;
  private UUID webhook;
  private long events;

  @BeforeAll
  void migrate(Vertx vertx) throws Exception {
    // The gateway migrates its schema as it starts; it is then left idle (its worker polls hourly).
    JsonObject db = TestPostgres.newDatabase();
    Await.result(TestServices.start(vertx, new GatewayService(), db.copy().put("GATEWAY_PORT", "0")
        .put("GATEWAY_HOST", "127.0.0.1").put("PLATFORM_ADMIN_KEY", "unused").put("WEBHOOK_POLL_MS", "3600000")
        .put("EVENTS_POLL_MS", "3600000"), Clock.systemUTC()));
    pool = TestPostgres.pool(vertx, db, "gateway");
    deliveries = new DeliveryRepository(pool);
    UUID tenant = UUID.randomUUID();
    webhook = UUID.randomUUID();
    Await.result(pool.preparedQuery("INSERT INTO tenant (id, name) VALUES ($1, 'Claims')").execute(Tuple.of(tenant)));
    Await.result(pool.preparedQuery("INSERT INTO webhook (id, tenant_id, url, events, secret) "
        + "VALUES ($1, $2, 'http://receiver.invalid/', '{alert}', 's')").execute(Tuple.of(webhook, tenant)));
  }

  @Test
  @DisplayName("a claimed delivery is not claimed again while its lease runs")
  void leased() throws Exception {
    long delivery = dueDelivery();
    List<Delivery> first = Await.result(deliveries.claim(10, LEASE, UUID.randomUUID()));
    assertThat(first).extracting(Delivery::id).containsExactly(delivery);
    assertThat(first.get(0).attempt()).isEqualTo(1);
    assertThat(Await.result(deliveries.claim(10, LEASE, UUID.randomUUID()))).isEmpty();
  }

  @Test
  @DisplayName("a delivery another replica is claiming is skipped, not waited for")
  void skipLocked() throws Exception {
    long delivery = dueDelivery();
    SqlConnection other = Await.result(pool.getConnection());
    try {
      Await.result(other.query("BEGIN").execute());
      Await.result(other.preparedQuery("SELECT id FROM delivery WHERE id = $1 FOR UPDATE").execute(Tuple.of(delivery)));
      assertThat(Await.result(deliveries.claim(10, LEASE, UUID.randomUUID()), PROMPTLY)).isEmpty();
      Await.result(other.query("ROLLBACK").execute());
    } finally {
      other.close();
    }
    assertThat(Await.result(deliveries.claim(10, LEASE, UUID.randomUUID()), PROMPTLY))
        .extracting(Delivery::id).containsExactly(delivery);
  }

  @Test
  @DisplayName("only the holder of the lease records the attempt")
  void onlyTheLeaseHolderRecords() throws Exception {
    long delivery = dueDelivery();
    UUID token = UUID.randomUUID();
    Delivery claimed = Await.result(deliveries.claim(10, LEASE, token)).get(0);
    Outcome failed = new Outcome(500, null, 12);
    Await.result(deliveries.record(claimed, UUID.randomUUID(), Instant.now(), failed, Optional.of(Duration.ofSeconds(1))));
    assertThat(attempts(delivery)).isZero();
    Await.result(deliveries.record(claimed, token, Instant.now(), failed, Optional.of(Duration.ofSeconds(1))));
    assertThat(attempts(delivery)).isEqualTo(1);
    String state = Await.result(pool.preparedQuery("SELECT state FROM delivery WHERE id = $1").execute(Tuple.of(delivery)))
        .iterator().next().getString("state");
    assertThat(state).isEqualTo("PENDING");
  }

  /** A new event and its delivery, due now; no other delivery is due. */
  private long dueDelivery() throws Exception {
    Await.result(pool.query("UPDATE delivery SET state = 'DELIVERED' WHERE state = 'PENDING'").execute());
    long event = Await.result(pool.preparedQuery("INSERT INTO event (source_key, type, payload) "
        + "VALUES ($1, 'alert', '{}') RETURNING id").execute(Tuple.of("test:" + (++events))))
        .iterator().next().getLong("id");
    return Await.result(pool.preparedQuery("INSERT INTO delivery (webhook_id, event_id, next_attempt_at) "
        + "VALUES ($1, $2, now()) RETURNING id").execute(Tuple.of(webhook, event))).iterator().next().getLong("id");
  }

  private long attempts(long delivery) throws Exception {
    return Await.result(pool.preparedQuery("SELECT count(*) AS n FROM delivery_attempt WHERE delivery_id = $1")
        .execute(Tuple.of(delivery))).iterator().next().getLong("n");
  }
}
