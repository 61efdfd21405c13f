package io.supplyguard.inventory.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.inventory.catalogue.Material;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every statement that reads the material catalogue. */
public final class MaterialRepository {

  private static final String COLUMNS = "id, name, form, elements, control_code, hs_code";
  private static final String ALL = "SELECT " + COLUMNS + " FROM material ORDER BY id";
  private static final NamedSql BY_ID = NamedSql.of("SELECT " + COLUMNS + " FROM material WHERE id = #{id}");
  private static final NamedSql BY_HS_CODE =
      NamedSql.of("SELECT " + COLUMNS + " FROM material WHERE hs_code = #{hsCode} ORDER BY id");
  private static final NamedSql INSERT = NamedSql.of("INSERT INTO material (" + COLUMNS
      + ") VALUES (#{id}, #{name}, #{form}, #{elements}, #{controlCode}, #{hsCode})");

  private MaterialRepository() {
  }

  public static Future<List<Material>> all(SqlClient client) {
    return client.query(ALL).execute().map(rows -> Rows.list(rows, MaterialRepository::material));
  }

  public static Future<Optional<Material>> byId(SqlClient client, String id) {
    return BY_ID.execute(client, SqlParams.with("id", id)).map(rows -> Rows.first(rows, MaterialRepository::material));
  }

  /** The materials that carry a tariff line, by id. */
  public static Future<List<Material>> byHsCode(SqlClient client, String hsCode) {
    return BY_HS_CODE.execute(client, SqlParams.with("hsCode", hsCode))
        .map(rows -> Rows.list(rows, MaterialRepository::material));
  }

  /** Adds a material; false when its id is in the catalogue already. */
  public static Future<Boolean> create(SqlClient client, Material material) {
    return INSERT.execute(client, SqlParams.with("id", material.id()).and("name", material.name())
            .and("form", material.form()).and("elements", material.elements().toArray(String[]::new))
            .and("controlCode", material.controlCode()).and("hsCode", material.hsCode()))
        .map(true)
        .recover(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? Future.succeededFuture(false)
            : Future.failedFuture(failure));
  }

  private static Material material(Row row) {
    return new Material(row.getString("id"), row.getString("name"), row.getString("form"),
        Arrays.asList(row.getArrayOfStrings("elements")), row.getString("control_code"), row.getString("hs_code"));
  }
}
