package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.gateway.routes.Body;
import io.supplyguard.gateway.routes.BusForwarder;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * The material catalogue, sites, stock positions and what follows from them (inventory-service):
 * recommendations, alerts, what-if scenarios and simulations.
 */
final class InventoryOperations extends Operations {

  private InventoryOperations() {
  }

  static void bind(RouterBuilder builder, BusForwarder bus) {
    Body json = Body.json();
    Body position = Body.of(Body.path("siteId"), Body.path("materialId"));

    bind(builder, "listMaterials", bus.to(Addresses.MATERIALS_LIST, Body.empty()));
    bind(builder, "createMaterial", bus.to(Addresses.MATERIALS_CREATE, json).created());

    bind(builder, "createSite", bus.to(Addresses.SITES_CREATE, json).created());
    bind(builder, "listSites", bus.to(Addresses.SITES_LIST, Body.empty()));
    bind(builder, "upsertPosition", bus.to(Addresses.POSITIONS_UPSERT, Body.of(json, position)));
    bind(builder, "getPosition", bus.to(Addresses.POSITIONS_GET, position));
    bind(builder, "getRecommendation", bus.to(Addresses.RECOMMENDATION_GET, Body.of(position, Body.query("asOf"))));
    bind(builder, "simulatePosition", bus.to(Addresses.POSITIONS_SIMULATE, Body.of(json, position)));

    bind(builder, "listRecommendations",
        bus.to(Addresses.RECOMMENDATIONS_LIST, Body.query("status", "limit", "offset")));
    bind(builder, "listAlerts",
        bus.to(Addresses.ALERTS_LIST, Body.query("status", "siteId", "materialId", "limit", "beforeId")));
    bind(builder, "runScenario", bus.to(Addresses.SCENARIOS_RUN, json));
  }
}
