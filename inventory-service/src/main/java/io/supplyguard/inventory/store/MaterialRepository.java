package io.supplyguard.inventory.store;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.catalogue.Material;
import io.vertx.pgclient.PgException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Every statement that reads the material catalogue. */
public final class MaterialRepository {

  private static final String COLUMNS = "id, name, form, elements, control_code, hs_code";
  private static final String ALL = "SELECT " + COLUMNS + " FROM material ORDER BY id";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM material WHERE id = $1";
  private static final String BY_HS_CODE = "SELECT " + COLUMNS + " FROM material WHERE hs_code = $1 ORDER BY id";
  private static final String INSERT = "INSERT INTO material (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6)";

  private final Pool pool;

  public MaterialRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Material>> all() {
    return pool.query(ALL).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(MaterialRepository::material)
        .toList());
  }

  public Future<Optional<Material>> byId(String id) {
    return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(material(rows.iterator().next())));
  }

  /** The materials that carry a tariff line, by id. */
  public Future<List<Material>> byHsCode(String hsCode) {
    return pool.preparedQuery(BY_HS_CODE).execute(Tuple.of(hsCode)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false).map(MaterialRepository::material).toList());
  }

  /** Adds a material; an id already in the catalogue is a conflict. */
  public Future<Material> create(Material material) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(material.id(), material.name(), material.form(),
            material.elements().toArray(String[]::new), material.controlCode(), material.hsCode()))
        .map(material)
        .recover(failure -> Future.failedFuture(failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new ServiceException(FailureCode.CONFLICT, "Material " + material.id() + " is in the catalogue already.",
                List.of(new FieldError("id", "is taken")))
            : failure));
  }

  private static Material material(Row row) {
    return new Material(row.getString("id"), row.getString("name"), row.getString("form"),
        Arrays.asList(row.getArrayOfStrings("elements")), row.getString("control_code"), row.getString("hs_code"));
  }
}
