package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.Role;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.routes.Body;
import io.supplyguard.gateway.routes.BusForwarder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** The export-control regime (licence-service): read by anyone, changed by ADMIN. */
final class RegimeOperations extends Operations {

  private RegimeOperations() {
  }

  static void bind(RouterBuilder builder, BusForwarder bus) {
    Handler<RoutingContext> admin = Authenticator.require(Role.ADMIN);
    Body json = Body.json();
    Body id = Body.path("id");
    Body measureId = Body.path("id", "measureId");

    bind(builder, "listElementStates", bus.to(Addresses.REGIME_ELEMENTS, Body.query("asOf")));
    bind(builder, "listMeasures", bus.to(Addresses.REGIME_MEASURES, Body.empty()));
    bind(builder, "getMeasure", bus.to(Addresses.REGIME_MEASURE_GET, id));
    bind(builder, "createMeasure", admin, bus.to(Addresses.REGIME_MEASURE_CREATE, json).created());
    bind(builder, "amendMeasure", admin, bus.to(Addresses.REGIME_MEASURE_AMEND, Body.of(json, id)));
    bind(builder, "addSuspension", admin, bus.to(Addresses.REGIME_SUSPENSION_ADD, Body.of(json, measureId)).created());
    bind(builder, "liftSuspension", admin,
        bus.to(Addresses.REGIME_SUSPENSION_LIFT, Body.of(json, measureId, Body.path("suspensionId"))));
    bind(builder, "regimeHistory", admin, bus.to(Addresses.REGIME_HISTORY, Body.query("limit", "beforeId")));
  }
}
