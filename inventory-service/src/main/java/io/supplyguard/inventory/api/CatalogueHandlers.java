package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BodyReader;
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
import java.util.Set;

/** The material catalogue: read by anyone, extended by ADMIN. */
final class CatalogueHandlers {
  // Chemistry, not regime: the 17 rare-earth elements a material can contain.
  private static final Set<String> RARE_EARTHS = Set.of("Sc", "Y", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd",
      "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu");

  private final Pool pool;

  CatalogueHandlers(Pool pool) {
    this.pool = pool;
  }

  Future<JsonObject> list(BusRequest request) {
    return MaterialRepository.all(pool).map(all -> new JsonObject()
        .put("materials", new JsonArray(all.stream().map(CatalogueHandlers::json).toList())));
  }

  Future<JsonObject> get(BusRequest request) {
    if (!request.body().containsKey("id") && request.body().containsKey("hsCode")) {
      return MaterialCodes.byHsCode(pool, request.body()).map(CatalogueHandlers::json);
    }
    BodyReader in = new BodyReader(request.body());
    String id = in.text("id", true, 61);
    in.check();
    return MaterialRepository.byId(pool, id).map(found -> found.map(CatalogueHandlers::json)
        .orElseThrow(() -> ServiceException.notFound("Material " + id)));
  }

  Future<JsonObject> create(BusRequest request) {
    request.requireAdmin();
    BodyReader in = new BodyReader(request.body());
    String id = in.text("id", true, 61);
    if (id != null && !id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
      in.error("id", "must be lower-case letters, digits and dashes, such as dy-oxide");
    }
    String name = in.text("name", true, 200);
    String form = in.code("form", true);
    Set<String> elements = in.strings("elements", true, false, RARE_EARTHS::contains, "a rare-earth element symbol");
    String controlCode = MaterialCodes.controlCode(in);
    String hsCode = MaterialCodes.hsCode(in);
    in.check();
    Material material = new Material(id, name, form, List.copyOf(elements), controlCode, hsCode);
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
