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

  private static final String ALL = "SELECT id, name, form, elements FROM material ORDER BY id";
  private static final String BY_ID = "SELECT id, name, form, elements FROM material WHERE id = $1";
  private static final String INSERT = "INSERT INTO material (id, name, form, elements) VALUES ($1, $2, $3, $4)";

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

  /** Adds a material; an id already in the catalogue is a conflict. */
  public Future<Material> create(Material material) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(material.id(), material.name(), material.form(),
            material.elements().toArray(String[]::new)))
        .map(material)
        .recover(failure -> Future.failedFuture(failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new ServiceException(FailureCode.CONFLICT, "Material " + material.id() + " is in the catalogue already.",
                List.of(new FieldError("id", "is taken")))
            : failure));
  }

  private static Material material(Row row) {
    return new Material(row.getString("id"), row.getString("name"), row.getString("form"),
        Arrays.asList(row.getArrayOfStrings("elements")));
  }
}
