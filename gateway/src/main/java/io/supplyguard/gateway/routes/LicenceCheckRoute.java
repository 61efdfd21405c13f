package io.supplyguard.gateway.routes;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Whether a shipment of a material needs a licence. The client names a material; the
 * licence-service reasons about elements and a form, which the inventory-service's catalogue
 * holds. So: the material first, then the check with its elements and form.
 */
public final class LicenceCheckRoute implements Handler<RoutingContext> {
  private static final Body MATERIAL = Body.query("material");
  private static final Body SHIPMENT = Body.query("destination", "endUse", "quantityKg", "asOf", "horizonDays",
      "consignee");

  private final BusForwarder inventory;
  private final BusForwarder licences;

  /**
   * @param inventory the inventory-service, which holds the catalogue
   * @param licences the licence-service, which decides
   */
  public LicenceCheckRoute(BusForwarder inventory, BusForwarder licences) {
    this.inventory = inventory;
    this.licences = licences;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String materialId = MATERIAL.from(ctx).getString("material");
    JsonObject check = SHIPMENT.from(ctx);
    inventory.send(ctx, Addresses.MATERIALS_GET, new JsonObject().put("id", materialId), false)
        .recover(LicenceCheckRoute::notInCatalogue)
        .compose(material -> licences.send(ctx, Addresses.LICENCE_CHECK, check
            .put("elements", material.getJsonArray("elements"))
            .put("form", material.getString("form")), false))
        .map(decision -> decision.put("material", materialId))
        .onSuccess(json -> BusForwarder.answer(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  /** An unknown material is the client's mistake in a query parameter, not a missing resource. */
  private static Future<JsonObject> notInCatalogue(Throwable failure) {
    if (failure instanceof ServiceException e && e.code() == FailureCode.NOT_FOUND) {
      return Future.failedFuture(ServiceException.invalidField("material", "is not in the material catalogue"));
    }
    return Future.failedFuture(failure);
  }
}
