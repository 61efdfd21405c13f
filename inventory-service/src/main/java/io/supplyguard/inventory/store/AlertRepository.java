package io.supplyguard.inventory.store;

import io.supplyguard.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Alerts, read by their tenant (RecommendationRepository appends them as statuses change). */
public final class AlertRepository {
  private static final String LIST = """
      SELECT id, tenant_id, site_id, material_id, from_status, to_status, condition, as_of, raised_at FROM alert
      WHERE tenant_id = $1 AND ($2::text IS NULL OR to_status = $2) AND ($3::text IS NULL OR site_id = $3)
        AND ($4::text IS NULL OR material_id = $4) AND id < $5
      ORDER BY id DESC LIMIT $6""";

  private final Pool pool;

  public AlertRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<JsonObject>> list(String tenantId, String toStatus, String siteId, String materialId,
      long beforeId, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.tuple().addString(tenantId).addString(toStatus).addString(siteId)
        .addString(materialId).addLong(beforeId).addInteger(limit)).map(rows -> Rows.list(rows, AlertRepository::alert));
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
