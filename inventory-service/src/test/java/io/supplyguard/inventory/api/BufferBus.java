package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.inventory.testing.BothServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The licence- and inventory-services on one real database, and the calls the buffer's tests make. */
final class BufferBus {
  private final BusClient bus;
  /** The PG* settings of the services' database. */
  final JsonObject database;

  private BufferBus(BusClient bus, JsonObject database) {
    this.bus = bus;
    this.database = database;
  }

  static Future<BufferBus> start(Vertx vertx, Clock clock, JsonObject overrides) {
    JsonObject db = TestPostgres.newDatabase().mergeIn(overrides);
    return BothServices.start(vertx, db, clock, Duration.ofSeconds(20)).map(bus -> new BufferBus(bus, db));
  }

  static BusClient.Caller tenant(String id) {
    return new BusClient.Caller(UUID.randomUUID().toString(), id, Role.TENANT);
  }

  static BusClient.Caller admin() {
    return new BusClient.Caller(UUID.randomUUID().toString(), null, Role.ADMIN);
  }

  Future<JsonObject> request(String address, JsonObject body, BusClient.Caller caller) {
    return bus.request(address, body, caller);
  }

  Future<JsonObject> site(String tenant, String siteId) {
    return bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", siteId).put("name", "Plant " + siteId)
        .put("country", "DE"), tenant(tenant));
  }

  /** docs/buffer-model.md's worked example, as a position of {@code materialId}. */
  static JsonObject workedExample(String siteId, String materialId) {
    return new JsonObject().put("siteId", siteId).put("materialId", materialId)
        .put("onHand", 900).put("onOrder", 0).put("demandMeanPerDay", 10).put("demandStdPerDay", 4)
        .put("leadTimeMeanDays", 30).put("leadTimeStdDays", 5).put("serviceLevel", 0.95).put("reviewPeriodDays", 0)
        .put("orderQuantity", 300).put("endUse", "CIVIL").put("destination", "DE");
  }

  Future<JsonObject> upsert(String tenant, JsonObject position) {
    return bus.request(Addresses.POSITIONS_UPSERT, position, tenant(tenant));
  }

  Future<JsonObject> recommendation(String tenant, String siteId, String materialId, String asOf) {
    JsonObject body = new JsonObject().put("siteId", siteId).put("materialId", materialId);
    if (asOf != null) {
      body.put("asOf", asOf);
    }
    return bus.request(Addresses.RECOMMENDATION_GET, body, tenant(tenant));
  }

  Future<JsonObject> licence(String tenant, String element, String form, double cap) {
    return bus.request(Addresses.LICENCE_REGISTER, new JsonObject().put("type", "GENERAL").put("exporter", "JL Mag")
        .put("elements", new JsonArray().add(element)).put("forms", new JsonArray().add(form)).put("quantityKg", cap)
        .put("destination", "DE").put("endUse", "CIVIL"), tenant(tenant));
  }

  Future<JsonArray> stored(String tenant) {
    return bus.request(Addresses.RECOMMENDATIONS_LIST, new JsonObject(), tenant(tenant))
        .map(reply -> reply.getJsonArray("recommendations"));
  }

  Future<JsonArray> alerts(String tenant) {
    return bus.request(Addresses.ALERTS_LIST, new JsonObject(), tenant(tenant)).map(reply -> reply.getJsonArray("alerts"));
  }
}
