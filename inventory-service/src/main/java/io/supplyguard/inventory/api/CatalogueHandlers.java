package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.catalogue.Material;
import io.supplyguard.inventory.store.MaterialRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** The material catalogue: read by anyone, extended by ADMIN. Requests are as the bus contract has checked them. */
final class CatalogueHandlers {
  private final Pool pool;

  CatalogueHandlers(Pool pool) {
    this.pool = pool;
  }

  Future<JsonObject> list(BusRequest request) {
    return MaterialRepository.all(pool).map(all -> new JsonObject()
        .put("materials", new JsonArray(all.stream().map(CatalogueHandlers::json).toList())));
  }

  Future<JsonObject> get(BusRequest request) {
    String id = request.body().getString("id");
    if (id == null) {
      return MaterialCodes.byHsCode(pool, request.body().getString("hsCode")).map(CatalogueHandlers::json);
    }
    return MaterialRepository.byId(pool, id).map(found -> found.map(CatalogueHandlers::json)
        .orElseThrow(() -> ServiceException.notFound("Material " + id)));
  }

  Future<JsonObject> create(BusRequest request) {
    request.requireAdmin();
    JsonObject in = request.body();
    String id = in.getString("id");
    List<String> elements = in.getJsonArray("elements").stream().map(String.class::cast).toList();
    Material material = new Material(id, in.getString("name").trim(), in.getString("form"), elements,
        in.getString("controlCode"), in.getString("hsCode"));
    return MaterialRepository.create(pool, material).map(created -> {
      if (!created) {
        throw new ServiceException(FailureCode.CONFLICT, "Material " + id + " is in the catalogue already.",
            List.of(new FieldError("id", "is taken")));
      }
      return json(material);
    });
  }

  static JsonObject json(Material material) {
    return MaterialCodes.put(new JsonObject()
        .put("id", material.id())
        .put("name", material.name())
        .put("form", material.form())
        .put("elements", new JsonArray(material.elements())), material);
  }
}
