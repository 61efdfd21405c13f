package io.supplyguard.inventory.store;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.List;

/** Every statement on sites. */
public final class SiteRepository {
  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO site (tenant_id, id, name, country) VALUES (#{tenantId}, #{id}, #{name}, #{country})
      RETURNING id, name, country, created_at""");
  private static final NamedSql LIST =
      NamedSql.of("SELECT id, name, country, created_at FROM site WHERE tenant_id = #{tenantId} ORDER BY id");
  private static final NamedSql EXISTS = NamedSql.of("SELECT 1 FROM site WHERE tenant_id = #{tenantId} AND id = #{id}");

  private SiteRepository() {
  }

  public static Future<JsonObject> create(SqlClient client, String tenantId, String id, String name, String country) {
    return INSERT.execute(client, SqlParams.with("tenantId", tenantId).and("id", id).and("name", name)
            .and("country", country))
        .map(rows -> site(rows.iterator().next()))
        .recover(failure -> Future.failedFuture(failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new ServiceException(FailureCode.CONFLICT, "Site " + id + " exists already.",
                List.of(new FieldError("id", "is taken")))
            : failure));
  }

  public static Future<List<JsonObject>> list(SqlClient client, String tenantId) {
    return LIST.execute(client, SqlParams.with("tenantId", tenantId))
        .map(rows -> Rows.list(rows, SiteRepository::site));
  }

  public static Future<Boolean> exists(SqlClient client, String tenantId, String id) {
    return EXISTS.execute(client, SqlParams.with("tenantId", tenantId).and("id", id)).map(rows -> rows.size() > 0);
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
