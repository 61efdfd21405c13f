package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.gateway.routes.Body;
import io.supplyguard.gateway.routes.BusForwarder;
import io.supplyguard.gateway.routes.LicenceCheckRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** A tenant's export licences (licence-service), and whether a shipment needs one. */
final class LicenceOperations extends Operations {

  private LicenceOperations() {
  }

  /**
   * @param bus the licence-service
   * @param inventory the inventory-service, whose catalogue the licence check reads
   */
  static void bind(RouterBuilder builder, BusForwarder bus, BusForwarder inventory) {
    Body json = Body.json();
    Body id = Body.path("id");

    bind(builder, "registerLicence", bus.to(Addresses.LICENCE_REGISTER, json).created().withIdempotencyKey());
    bind(builder, "listLicences", bus.to(Addresses.LICENCE_LIST,
            Body.query("status", "element", "expiringWithinDays", "asOf", "limit", "offset")));
    bind(builder, "getLicence", bus.to(Addresses.LICENCE_GET, id));
    bind(builder, "changeLicenceStatus", bus.to(Addresses.LICENCE_TRANSITION, Body.of(json, id)));
    bind(builder, "drawDown", bus.to(Addresses.LICENCE_DRAWDOWN, Body.of(json, id))
        .created().withIdempotencyKey());
    bind(builder, "licenceHistory", bus.to(Addresses.LICENCE_HISTORY, id));
    bind(builder, "checkLicence", new LicenceCheckRoute(inventory, bus));
  }
}
