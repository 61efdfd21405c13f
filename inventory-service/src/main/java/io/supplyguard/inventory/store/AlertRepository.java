package io.supplyguard.inventory.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.inventory.position.PositionKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.LocalDate;
import java.util.List;

/**
 * Alerts: raised as a recompute changes statuses, delivered to the gateway's event log after
 * they commit (the table is their outbox), read by their tenant.
 */
public final class AlertRepository {
  // The statuses being replaced are read before the recommendations are stored, in the same
  // transaction; a scalar subquery probes the primary key per row, where a join would hash the
  // whole recommendation table for every page.
  private static final NamedSql RAISE = NamedSql.of("""
      WITH computed AS (
        SELECT * FROM unnest(#{tenantId}::text[], #{siteId}::text[], #{materialId}::text[], #{status}::text[],
                             #{condition}::text[], #{asOf}::date[])
          AS c(tenant_id, site_id, material_id, status, condition, as_of)
      ), changes AS MATERIALIZED (
        SELECT c.*, (SELECT r.status FROM recommendation r WHERE r.tenant_id = c.tenant_id AND r.site_id = c.site_id
                     AND r.material_id = c.material_id) AS previous
        FROM computed c
      )
      -- A first recommendation that is OK is no news; any other change of status is.
      INSERT INTO alert (tenant_id, site_id, material_id, from_status, to_status, condition, as_of)
      SELECT tenant_id, site_id, material_id, previous, status, condition, as_of FROM changes
      WHERE previous IS DISTINCT FROM status AND (previous IS NOT NULL OR status <> 'OK')
      RETURNING to_status""");
  private static final NamedSql UNDELIVERED = NamedSql.of("""
      SELECT id, tenant_id, site_id, material_id, from_status, to_status, condition, as_of, raised_at FROM alert
      WHERE delivered_at IS NULL ORDER BY id LIMIT #{limit} FOR UPDATE SKIP LOCKED""");
  private static final NamedSql DELIVERED =
      NamedSql.of("UPDATE alert SET delivered_at = now() WHERE id = ANY (#{ids})");
  private static final NamedSql LIST = NamedSql.of("""
      SELECT id, tenant_id, site_id, material_id, from_status, to_status, condition, as_of, raised_at FROM alert
      WHERE tenant_id = #{tenantId} AND (#{toStatus}::text IS NULL OR to_status = #{toStatus})
        AND (#{siteId}::text IS NULL OR site_id = #{siteId})
        AND (#{materialId}::text IS NULL OR material_id = #{materialId}) AND id < #{beforeId}
      ORDER BY id DESC LIMIT #{limit}""");

  private AlertRepository() {
  }

  /** A position's new status, as a recompute computed it. */
  public record NewStatus(PositionKey key, String status, String condition, LocalDate asOf) {
  }

  /** Raises an alert for each status that changes; answers the statuses they change to. */
  public static Future<List<String>> raise(SqlClient tx, List<NewStatus> statuses) {
    if (statuses.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return RAISE.execute(tx, SqlParams.with("tenantId", Rows.texts(statuses, s -> s.key().tenantId()))
            .and("siteId", Rows.texts(statuses, s -> s.key().siteId()))
            .and("materialId", Rows.texts(statuses, s -> s.key().materialId()))
            .and("status", Rows.texts(statuses, NewStatus::status))
            .and("condition", Rows.texts(statuses, NewStatus::condition))
            .and("asOf", statuses.stream().map(NewStatus::asOf).toArray(LocalDate[]::new)))
        .map(rows -> Rows.list(rows, row -> row.getString("to_status")));
  }

  /** The oldest alerts not delivered yet that no other replica is delivering, locked until {@code tx} ends. */
  public static Future<List<JsonObject>> undelivered(SqlClient tx, int limit) {
    return UNDELIVERED.execute(tx, SqlParams.with("limit", limit)).map(rows -> Rows.list(rows, AlertRepository::alert));
  }

  public static Future<Void> delivered(SqlClient tx, List<Long> ids) {
    return DELIVERED.execute(tx, SqlParams.with("ids", ids.toArray(Long[]::new))).mapEmpty();
  }

  public static Future<List<JsonObject>> list(SqlClient client, String tenantId, String toStatus, String siteId,
      String materialId, long beforeId, int limit) {
    return LIST.execute(client, SqlParams.with("tenantId", tenantId).and("toStatus", toStatus).and("siteId", siteId)
            .and("materialId", materialId).and("beforeId", beforeId).and("limit", limit))
        .map(rows -> Rows.list(rows, AlertRepository::alert));
  }

  static JsonObject alert(Row row) {
    JsonObject alert = new JsonObject()
        .put("id", row.getLong("id"))
        .put("tenantId", row.getString("tenant_id"))
        .put("siteId", row.getString("site_id"))
        .put("materialId", row.getString("material_id"))
        .put("toStatus", row.getString("to_status"))
        .put("condition", row.getString("condition"))
        .put("asOf", row.getLocalDate("as_of").toString())
        .put("raisedAt", row.getOffsetDateTime("raised_at").toInstant().toString());
    if (row.getString("from_status") != null) {
      alert.put("fromStatus", row.getString("from_status"));
    }
    return alert;
  }
}
