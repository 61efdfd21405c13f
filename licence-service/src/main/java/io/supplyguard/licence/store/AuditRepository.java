package io.supplyguard.licence.store;

import io.supplyguard.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Reads the audit trail. */
public final class AuditRepository {
  private static final String COLUMNS = """
      SELECT id, at, actor_tenant_id, actor_role, request_id, entity_type, entity_id, action, before, after
      FROM audit_event""";
  private static final String OF_ENTITY = COLUMNS + " WHERE entity_type = $1 AND entity_id = $2 ORDER BY id";
  private static final String OF_REGIME = COLUMNS
      + " WHERE entity_type IN ('MEASURE', 'SUSPENSION', 'DENIAL_PROBABILITY', 'ANNOUNCEMENT', 'LISTED_PARTY_IMPORT')"
      + " AND id < $1 ORDER BY id DESC LIMIT $2";

  private final Pool pool;

  public AuditRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<JsonObject>> ofEntity(String entityType, String entityId) {
    return pool.preparedQuery(OF_ENTITY).execute(Tuple.of(entityType, entityId))
        .map(rows -> Rows.list(rows, AuditRepository::event));
  }

  /** The regime's events, newest first, before an id (for paging back). */
  public Future<List<JsonObject>> ofRegime(long beforeId, int limit) {
    return pool.preparedQuery(OF_REGIME).execute(Tuple.of(beforeId, limit))
        .map(rows -> Rows.list(rows, AuditRepository::event));
  }

  private static JsonObject event(Row row) {
    JsonObject actor = new JsonObject().put("role", row.getString("actor_role"));
    putIfSet(actor, "tenantId", row.getString("actor_tenant_id"));
    putIfSet(actor, "requestId", row.getString("request_id"));
    JsonObject event = new JsonObject()
        .put("id", row.getLong("id"))
        .put("at", row.getOffsetDateTime("at").toInstant().toString())
        .put("actor", actor)
        .put("entityType", row.getString("entity_type"))
        .put("entityId", row.getString("entity_id"))
        .put("action", row.getString("action"));
    putIfSet(event, "before", row.getJsonObject("before"));
    putIfSet(event, "after", row.getJsonObject("after"));
    return event;
  }

  private static void putIfSet(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
