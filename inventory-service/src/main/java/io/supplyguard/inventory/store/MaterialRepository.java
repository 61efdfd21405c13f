package io.supplyguard.inventory.store;

import io.supplyguard.inventory.catalogue.Material;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/** Every statement that reads the material catalogue. */
public final class MaterialRepository {

  private static final String ALL = "SELECT id, name, form, elements FROM material ORDER BY id";

  private final Pool pool;

  public MaterialRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Material>> all() {
    return pool.query(ALL).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(MaterialRepository::material)
        .toList());
  }

  private static Material material(Row row) {
    return new Material(row.getString("id"), row.getString("name"), row.getString("form"),
        Arrays.asList(row.getArrayOfStrings("elements")));
  }
}
