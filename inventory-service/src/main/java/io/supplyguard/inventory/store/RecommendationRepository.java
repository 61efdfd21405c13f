package io.supplyguard.inventory.store;

import io.supplyguard.common.db.Rows;
import io.supplyguard.inventory.position.PositionKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stored recommendations, written a batch at a time. */
public final class RecommendationRepository {
  // The status each position had, read in the transaction that replaces it. A service runs its
  // recomputes one after another, so this is the status being replaced; locking the rows as well
  // would dirty every page twice and slow a 100,000-position recompute by a third.
  private static final String PREVIOUS = """
      SELECT r.tenant_id, r.site_id, r.material_id, r.status
      FROM recommendation r
      JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(t, s, m)
        ON r.tenant_id = k.t AND r.site_id = k.s AND r.material_id = k.m""";

  // One statement per batch: arrays in, one row per position.
  private static final String UPSERT = """
      INSERT INTO recommendation (tenant_id, site_id, material_id, as_of, condition, status, safety_stock,
                                  reorder_point, recommended_order, days_of_cover, body, computed_at)
      SELECT t, s, m, a, c, st, ss, rop, o, doc, b, now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::float8[], $8::float8[],
                  $9::float8[], $10::float8[], $11::text[]) AS x(t, s, m, a, c, st, ss, rop, o, doc, b)
      ON CONFLICT (tenant_id, site_id, material_id) DO UPDATE SET
        as_of = EXCLUDED.as_of, condition = EXCLUDED.condition, status = EXCLUDED.status,
        safety_stock = EXCLUDED.safety_stock, reorder_point = EXCLUDED.reorder_point,
        recommended_order = EXCLUDED.recommended_order, days_of_cover = EXCLUDED.days_of_cover,
        body = EXCLUDED.body, computed_at = now()""";

  private static final String LIST = """
      SELECT body FROM recommendation
      WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2)
      ORDER BY site_id, material_id LIMIT $3 OFFSET $4""";

  /** One recommendation to store: its key, its figures, and its JSON as the API shows it. */
  public record Row(String tenantId, String siteId, String materialId, LocalDate asOf, String condition, String status,
      Double safetyStock, Double reorderPoint, Double recommendedOrder, Double daysOfCover, JsonObject body) {
  }

  private final Pool pool;

  public RecommendationRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores the rows; answers each position's status before (absent when it is new). */
  public Future<Map<PositionKey, String>> save(SqlConnection tx, List<Row> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    String[] tenants = rows.stream().map(Row::tenantId).toArray(String[]::new);
    String[] sites = rows.stream().map(Row::siteId).toArray(String[]::new);
    String[] materials = rows.stream().map(Row::materialId).toArray(String[]::new);
    Map<PositionKey, String> before = new HashMap<>();
    return tx.preparedQuery(PREVIOUS).execute(Tuple.of(tenants, sites, materials)).compose(locked -> {
      locked.forEach(row -> before.put(new PositionKey(row.getString("tenant_id"), row.getString("site_id"),
          row.getString("material_id")), row.getString("status")));
      return tx.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {tenants, sites, materials,
          rows.stream().map(Row::asOf).toArray(LocalDate[]::new),
          rows.stream().map(Row::condition).toArray(String[]::new),
          rows.stream().map(Row::status).toArray(String[]::new),
          rows.stream().map(Row::safetyStock).toArray(Double[]::new),
          rows.stream().map(Row::reorderPoint).toArray(Double[]::new),
          rows.stream().map(Row::recommendedOrder).toArray(Double[]::new),
          rows.stream().map(Row::daysOfCover).toArray(Double[]::new),
          rows.stream().map(r -> r.body().encode()).toArray(String[]::new)}));
    }).map(v -> before);
  }

  public Future<List<JsonObject>> list(String tenantId, String status, int limit, int offset) {
    return pool.preparedQuery(LIST).execute(Tuple.tuple().addString(tenantId).addString(status).addInteger(limit)
        .addInteger(offset)).map(rows -> Rows.list(rows, row -> new JsonObject(row.getString("body"))));
  }
}
