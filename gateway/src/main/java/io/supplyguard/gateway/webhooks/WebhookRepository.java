package io.supplyguard.gateway.webhooks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every statement on webhooks, and the deliveries an appended event creates. */
public final class WebhookRepository {
  private static final String COLUMNS = "id, url, events, created_at";
  private static final String INSERT = "INSERT INTO webhook (id, tenant_id, url, events, secret) VALUES ($1, $2, $3, $4, $5)"
      + " RETURNING " + COLUMNS;
  private static final String LIST = "SELECT " + COLUMNS + " FROM webhook WHERE tenant_id = $1 ORDER BY created_at, id";
  private static final String GET = "SELECT " + COLUMNS + " FROM webhook WHERE id = $1 AND tenant_id = $2";
  private static final String DELETE = "DELETE FROM webhook WHERE id = $1 AND tenant_id = $2";
  // A regime change (no tenant) goes to every tenant's webhooks that asked for its type.
  private static final String FAN_OUT = """
      INSERT INTO delivery (webhook_id, event_id, next_attempt_at)
      SELECT w.id, e.id, now() FROM event e
      JOIN webhook w ON (e.tenant_id IS NULL OR w.tenant_id = e.tenant_id) AND e.type = ANY (w.events)
      WHERE e.id = ANY ($1)
      ON CONFLICT DO NOTHING""";

  private final Pool pool;

  public WebhookRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> create(UUID tenantId, String url, List<String> events, String secret) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(UUID.randomUUID(), tenantId, url, events.toArray(String[]::new), secret))
        .map(rows -> webhook(rows.iterator().next()));
  }

  public Future<List<JsonObject>> list(UUID tenantId) {
    return pool.preparedQuery(LIST).execute(Tuple.of(tenantId)).map(rows -> {
      List<JsonObject> webhooks = new ArrayList<>();
      rows.forEach(row -> webhooks.add(webhook(row)));
      return webhooks;
    });
  }

  /** The tenant's webhook; another tenant's is as absent as one that never was. */
  public Future<Optional<JsonObject>> find(UUID tenantId, UUID id) {
    return pool.preparedQuery(GET).execute(Tuple.of(id, tenantId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(webhook(rows.iterator().next())));
  }

  /** Deletes the tenant's webhook with its pending deliveries and log; false when it has none by that id. */
  public Future<Boolean> delete(UUID tenantId, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, tenantId)).map(rows -> rows.rowCount() == 1);
  }

  /** In the append's transaction: one delivery per event and webhook that asked for it. */
  public static Future<Void> fanOut(SqlConnection transaction, List<Long> eventIds) {
    return transaction.preparedQuery(FAN_OUT).execute(Tuple.of(eventIds.toArray(Long[]::new))).mapEmpty();
  }

  private static JsonObject webhook(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("url", row.getString("url"))
        .put("events", new JsonArray(Arrays.asList(row.getArrayOfStrings("events"))))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
  }
}
