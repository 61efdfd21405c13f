package io.supplyguard.licence.store;

import static io.supplyguard.common.db.Rows.texts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * What every change writes in its own transaction: an audit event (appended, never changed)
 * and an outbox message that the publisher puts on the bus after commit. Writing both with
 * the change means no acknowledged change is ever missing from the trail or left unpublished.
 * Several changes of one transaction are written by one statement each, in their order.
 */
public final class ChangeLog {
  private static final String AUDIT = """
      INSERT INTO audit_event (actor_tenant_id, actor_role, request_id, entity_type, entity_id, tenant_id,
                               action, before, after)
      SELECT actor_tenant_id, actor_role, request_id, entity_type, entity_id, tenant_id, action,
             before::jsonb, after::jsonb
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                  $9::text[]) WITH ORDINALITY
        AS e(actor_tenant_id, actor_role, request_id, entity_type, entity_id, tenant_id, action, before, after, n)
      ORDER BY n""";
  private static final String OUTBOX = """
      INSERT INTO outbox (address, payload)
      SELECT $1, payload::jsonb FROM unnest($2::text[]) WITH ORDINALITY AS m(payload, n) ORDER BY n""";

  /** One audit event: who changed which entity how, and the entity before and after. */
  public record Entry(Actor actor, String entityType, String entityId, String tenantId, String action,
      JsonObject before, JsonObject after) {
  }

  private ChangeLog() {
  }

  public static Future<Void> audit(SqlConnection tx, Actor actor, String entityType, String entityId,
      String tenantId, String action, JsonObject before, JsonObject after) {
    return audit(tx, List.of(new Entry(actor, entityType, entityId, tenantId, action, before, after)));
  }

  public static Future<Void> audit(SqlConnection tx, List<Entry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(AUDIT).execute(Tuple.from(new Object[] {
        texts(entries, e -> e.actor().tenantId()),
        texts(entries, e -> e.actor().role()),
        texts(entries, e -> e.actor().requestId()),
        texts(entries, Entry::entityType),
        texts(entries, Entry::entityId),
        texts(entries, Entry::tenantId),
        texts(entries, Entry::action),
        texts(entries, e -> e.before() == null ? null : e.before().encode()),
        texts(entries, e -> e.after() == null ? null : e.after().encode())})).mapEmpty();
  }

  public static Future<Void> publish(SqlConnection tx, String address, JsonObject payload) {
    return publish(tx, address, List.of(payload));
  }

  public static Future<Void> publish(SqlConnection tx, String address, List<JsonObject> payloads) {
    if (payloads.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(OUTBOX)
        .execute(Tuple.of(address, (Object) texts(payloads, JsonObject::encode))).mapEmpty();
  }
}
