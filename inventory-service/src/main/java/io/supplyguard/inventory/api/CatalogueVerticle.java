package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.BusServer;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.catalogue.Material;
import io.supplyguard.inventory.store.MaterialRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Answers questions about the material catalogue on the bus. */
public final class CatalogueVerticle extends VerticleBase {
  private final MaterialRepository materials;
  private final Duration drainTimeout;
  private BusServer bus;

  public CatalogueVerticle(MaterialRepository materials, Duration drainTimeout) {
    this.materials = materials;
    this.drainTimeout = drainTimeout;
  }

  @Override
  public Future<?> start() {
    bus = new BusServer(vertx)
        .handle(Addresses.MATERIALS_LIST, this::list)
        .handle(Addresses.MATERIALS_GET, this::get);
    return bus.ready();
  }

  @Override
  public Future<?> stop() {
    return bus.drain(drainTimeout);
  }

  private Future<JsonObject> list(BusRequest request) {
    return materials.all().map(all -> new JsonObject()
        .put("materials", new JsonArray(all.stream().map(CatalogueVerticle::json).toList())));
  }

  private Future<JsonObject> get(BusRequest request) {
    if (!(request.body().getValue("id") instanceof String id) || id.isBlank()) {
      return Future.failedFuture(ServiceException.invalidField("id", "is required as a material id"));
    }
    return materials.byId(id).map(found -> found.map(CatalogueVerticle::json)
        .orElseThrow(() -> ServiceException.notFound("Material " + id)));
  }

  private static JsonObject json(Material material) {
    return new JsonObject()
        .put("id", material.id())
        .put("name", material.name())
        .put("form", material.form())
        .put("elements", new JsonArray(material.elements()));
  }
}
