package io.supplyguard.inventory.store;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Every statement on sites. */
public final class SiteRepository {
  private static final String INSERT = """
      INSERT INTO site (tenant_id, id, name, country) VALUES ($1, $2, $3, $4)
      RETURNING id, name, country, created_at""";
  private static final String LIST = "SELECT id, name, country, created_at FROM site WHERE tenant_id = $1 ORDER BY id";
  private static final String EXISTS = "SELECT 1 FROM site WHERE tenant_id = $1 AND id = $2";

  private final Pool pool;

  public SiteRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> create(String tenantId, String id, String name, String country) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(tenantId, id, name, country))
        .map(rows -> site(rows.iterator().next()))
        .recover(failure -> Future.failedFuture(failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new ServiceException(FailureCode.CONFLICT, "Site " + id + " exists already.",
                List.of(new FieldError("id", "is taken")))
            : failure));
  }

  public Future<List<JsonObject>> list(String tenantId) {
    return pool.preparedQuery(LIST).execute(Tuple.of(tenantId)).map(rows -> Rows.list(rows, SiteRepository::site));
  }

  public Future<Boolean> exists(String tenantId, String id) {
    return pool.preparedQuery(EXISTS).execute(Tuple.of(tenantId, id)).map(rows -> rows.size() > 0);
  }

  private static JsonObject site(Row row) {
    JsonObject site = new JsonObject().put("id", row.getString("id")).put("name", row.getString("name"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
    if (row.getString("country") != null) {
      site.put("country", row.getString("country"));
    }
    return site;
  }
}
