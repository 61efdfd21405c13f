package io.supplyguard.inventory.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.inventory.site.Site;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Optional;

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

  /** Adds a site; empty when the tenant has a site with that id already. */
  public static Future<Optional<Site>> create(SqlClient client, String tenantId, String id, String name,
      String country) {
    return INSERT.execute(client, SqlParams.with("tenantId", tenantId).and("id", id).and("name", name)
            .and("country", country))
        .map(rows -> Optional.of(site(tenantId, rows.iterator().next())))
        .recover(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(failure));
  }

  public static Future<List<Site>> list(SqlClient client, String tenantId) {
    return LIST.execute(client, SqlParams.with("tenantId", tenantId))
        .map(rows -> Rows.list(rows, row -> site(tenantId, row)));
  }

  public static Future<Boolean> exists(SqlClient client, String tenantId, String id) {
    return EXISTS.execute(client, SqlParams.with("tenantId", tenantId).and("id", id)).map(rows -> rows.size() > 0);
  }

  private static Site site(String tenantId, Row row) {
    return new Site(tenantId, row.getString("id"), row.getString("name"), row.getString("country"),
        row.getOffsetDateTime("created_at").toInstant());
  }
}
