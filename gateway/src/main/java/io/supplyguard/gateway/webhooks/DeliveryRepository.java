package io.supplyguard.gateway.webhooks;

import io.supplyguard.gateway.events.ChangeEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every statement on deliveries and their attempts. */
final class DeliveryRepository {
  // Claiming pushes the due time to the end of a lease and commits at once, so no transaction
  // stays open across an HTTP call; a replica that dies mid-delivery leaves a row that falls
  // due again when its lease ends. SKIP LOCKED lets replicas claim side by side, never the same row.
  private static final String CLAIM = """
      WITH due AS (
        SELECT id FROM delivery
        WHERE state = 'PENDING' AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT $1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE delivery d SET next_attempt_at = now() + make_interval(secs => $2), claim = $3
      FROM due, webhook w, event e
      WHERE d.id = due.id AND w.id = d.webhook_id AND e.id = d.event_id
      RETURNING d.id, d.attempts, w.url, w.secret, e.id AS event_id, e.type, e.tenant_id, e.payload, e.created_at""";
  // Recorded only by the lease holder: a replica whose lease ran out has lost the row to another.
  private static final String RECORD = """
      WITH settled AS (
        UPDATE delivery SET attempts = $2, state = $3, claim = NULL,
          next_attempt_at = now() + make_interval(secs => $4 / 1000.0)
        WHERE id = $1 AND claim = $5
        RETURNING id, next_attempt_at
      )
      INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, duration_ms, status, error, retry_in_ms,
        next_attempt_at)
      SELECT id, $2, $6, $7, $8, $9, $4, next_attempt_at FROM settled""";
  private static final String LOG = """
      SELECT d.id, d.event_id, e.type, d.state, d.attempts, d.next_attempt_at,
        coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.attempted_at,
            'durationMs', a.duration_ms, 'status', a.status, 'error', a.error, 'retryInMs', a.retry_in_ms,
            'nextAttemptAt', a.next_attempt_at)
            ORDER BY a.attempt) FROM delivery_attempt a WHERE a.delivery_id = d.id), '[]'::json) AS log
      FROM delivery d
      JOIN webhook w ON w.id = d.webhook_id
      JOIN event e ON e.id = d.event_id
      WHERE d.webhook_id = $1 AND w.tenant_id = $2
      ORDER BY d.id DESC LIMIT $3""";

  private final Pool pool;

  DeliveryRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Delivery>> claim(int limit, Duration lease, UUID token) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, lease.toMillis() / 1000.0, token)).map(rows -> {
      List<Delivery> claimed = new ArrayList<>(rows.size());
      for (Row row : rows) {
        UUID tenant = row.getUUID("tenant_id");
        ChangeEvent event = new ChangeEvent(row.getLong("event_id"), row.getString("type"),
            tenant == null ? null : tenant.toString(), (JsonObject) row.getJson("payload"),
            row.getOffsetDateTime("created_at").toInstant());
        claimed.add(new Delivery(row.getLong("id"), row.getInteger("attempts") + 1, row.getString("url"),
            row.getString("secret"), event));
      }
      return claimed;
    });
  }

  /**
   * Records an attempt and what follows: delivered, another attempt after {@code retryIn}, or
   * failed for good when there is none.
   */
  Future<Void> record(Delivery delivery, UUID token, Instant attemptedAt, Outcome outcome,
      Optional<Duration> retryIn) {
    String state = outcome.delivered() ? "DELIVERED" : retryIn.isPresent() ? "PENDING" : "FAILED";
    Integer retryMs = !outcome.delivered() && retryIn.isPresent() ? (int) retryIn.get().toMillis() : null;
    return pool.preparedQuery(RECORD).execute(Tuple.tuple()
            .addLong(delivery.id()).addInteger(delivery.attempt()).addString(state).addInteger(retryMs)
            .addUUID(token).addOffsetDateTime(attemptedAt.atOffset(ZoneOffset.UTC))
            .addInteger((int) Math.min(Integer.MAX_VALUE, outcome.durationMs()))
            .addInteger(outcome.status()).addString(outcome.error()))
        .mapEmpty();
  }

  /** The webhook's deliveries, newest first, each with every attempt; empty for another tenant's webhook. */
  Future<List<JsonObject>> log(UUID tenantId, UUID webhookId, int limit) {
    return pool.preparedQuery(LOG).execute(Tuple.of(webhookId, tenantId, limit)).map(rows -> {
      List<JsonObject> deliveries = new ArrayList<>(rows.size());
      for (Row row : rows) {
        JsonObject delivery = new JsonObject()
            .put("id", row.getLong("id"))
            .put("eventId", row.getLong("event_id"))
            .put("eventType", row.getString("type"))
            .put("state", row.getString("state"))
            .put("attempts", attempts((JsonArray) row.getJson("log")));
        if ("PENDING".equals(row.getString("state"))) {
          delivery.put("nextAttemptAt", row.getOffsetDateTime("next_attempt_at").toInstant().toString());
        }
        deliveries.add(delivery);
      }
      return deliveries;
    });
  }

  /** Attempts as the API shows them: instants in UTC, absent values left out. */
  private static JsonArray attempts(JsonArray stored) {
    JsonArray attempts = new JsonArray();
    for (Object item : stored) {
      JsonObject attempt = new JsonObject();
      ((JsonObject) item).forEach(entry -> {
        Object value = entry.getValue();
        if (value != null) {
          boolean instant = entry.getKey().equals("at") || entry.getKey().equals("nextAttemptAt");
          attempt.put(entry.getKey(), instant ? OffsetDateTime.parse((String) value).toInstant().toString() : value);
        }
      });
      attempts.add(attempt);
    }
    return attempts;
  }
}
