package io.supplyguard.inventory.store;

import io.supplyguard.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;

/** Alerts: appended when a position's status changes, read by its tenant. */
public final class AlertRepository {
  private static final String INSERT = """
      INSERT INTO alert (tenant_id, site_id, material_id, from_status, to_status, condition, as_of)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[])
      RETURNING id, tenant_id, site_id, material_id, raised_at""";
  private static final String LIST = """
      SELECT id, tenant_id, site_id, material_id, from_status, to_status, condition, as_of, raised_at FROM alert
      WHERE tenant_id = $1 AND ($2::text IS NULL OR to_status = $2) AND ($3::text IS NULL OR site_id = $3)
        AND ($4::text IS NULL OR material_id = $4) AND id < $5
      ORDER BY id DESC LIMIT $6""";

  /** A status change to record. */
  public record NewAlert(String tenantId, String siteId, String materialId, String fromStatus, String toStatus,
      String condition, LocalDate asOf) {
  }

  private final Pool pool;

  public AlertRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores the alerts and answers them as published: with their ids and times. */
  public Future<List<JsonObject>> insert(SqlConnection tx, List<NewAlert> alerts) {
    if (alerts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {
        alerts.stream().map(NewAlert::tenantId).toArray(String[]::new),
        alerts.stream().map(NewAlert::siteId).toArray(String[]::new),
        alerts.stream().map(NewAlert::materialId).toArray(String[]::new),
        alerts.stream().map(NewAlert::fromStatus).toArray(String[]::new),
        alerts.stream().map(NewAlert::toStatus).toArray(String[]::new),
        alerts.stream().map(NewAlert::condition).toArray(String[]::new),
        alerts.stream().map(NewAlert::asOf).toArray(LocalDate[]::new)}))
        .map(rows -> {
          // Pair each stored row with its alert by position key (a page holds a position once).
          java.util.Map<String, NewAlert> byKey = new java.util.HashMap<>();
          alerts.forEach(a -> byKey.put(a.tenantId() + "/" + a.siteId() + "/" + a.materialId(), a));
          List<JsonObject> stored = new java.util.ArrayList<>(alerts.size());
          for (Row row : rows) {
            NewAlert a = byKey.get(row.getString("tenant_id") + "/" + row.getString("site_id") + "/"
                + row.getString("material_id"));
            stored.add(json(a, row.getLong("id"), row.getOffsetDateTime("raised_at").toInstant()));
          }
          return stored;
        });
  }

  public Future<List<JsonObject>> list(String tenantId, String toStatus, String siteId, String materialId,
      long beforeId, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.tuple().addString(tenantId).addString(toStatus).addString(siteId)
        .addString(materialId).addLong(beforeId).addInteger(limit)).map(rows -> Rows.list(rows, AlertRepository::alert));
  }

  private static JsonObject json(NewAlert a, long id, java.time.Instant raisedAt) {
    JsonObject alert = new JsonObject().put("id", id).put("tenantId", a.tenantId()).put("siteId", a.siteId())
        .put("materialId", a.materialId()).put("toStatus", a.toStatus()).put("condition", a.condition())
        .put("asOf", a.asOf().toString()).put("raisedAt", raisedAt.toString());
    if (a.fromStatus() != null) {
      alert.put("fromStatus", a.fromStatus());
    }
    return alert;
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
