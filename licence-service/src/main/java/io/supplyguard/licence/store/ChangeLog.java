package io.supplyguard.licence.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * What every change writes in its own transaction: an audit event (appended, never changed)
 * and an outbox message that the publisher puts on the bus after commit. Writing both with
 * the change means no acknowledged change is ever missing from the trail or left unpublished.
 */
public final class ChangeLog {
  private static final String AUDIT = """
      INSERT INTO audit_event (actor_tenant_id, actor_role, request_id, entity_type, entity_id, tenant_id,
                               action, before, after)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";
  private static final String OUTBOX = "INSERT INTO outbox (address, payload) VALUES ($1, $2)";

  private ChangeLog() {
  }

  public static Future<Void> audit(SqlConnection tx, Actor actor, String entityType, String entityId,
      String tenantId, String action, JsonObject before, JsonObject after) {
    return tx.preparedQuery(AUDIT).execute(Tuple.from(new Object[] {actor.tenantId(), actor.role(),
        actor.requestId(), entityType, entityId, tenantId, action, before, after})).mapEmpty();
  }

  public static Future<Void> publish(SqlConnection tx, String address, JsonObject payload) {
    return tx.preparedQuery(OUTBOX).execute(Tuple.of(address, payload)).mapEmpty();
  }
}
