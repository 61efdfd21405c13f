package io.supplyguard.gateway.routes;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Whether a shipment of a material needs a licence. The client names a material; the
 * licence-service reasons about elements and a form, which the inventory-service's catalogue
 * holds. So: the material first, then the check with its elements and form. The material is
 * named by exactly one of its id ({@code material}) and its tariff line ({@code hsCode}, which the
 * inventory-service resolves to the one material that carries it, or refuses).
 */
public final class LicenceCheckRoute implements Handler<RoutingContext> {
  private static final Body MATERIAL = Body.query("material", "hsCode");
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
    JsonObject named = MATERIAL.from(ctx);
    String materialId = named.getString("material");
    String hsCode = named.getString("hsCode");
    if ((materialId == null) == (hsCode == null)) {
      String message = materialId == null ? "one of material and hsCode is required"
          : "give material or hsCode, not both";
      ctx.fail(ServiceException.invalidFields(List.of(new FieldError("material", message),
          new FieldError("hsCode", message))));
      return;
    }
    JsonObject check = SHIPMENT.from(ctx);
    JsonObject lookup = hsCode == null ? new JsonObject().put("id", materialId) : new JsonObject().put("hsCode", hsCode);
    inventory.send(ctx, Addresses.MATERIALS_GET, lookup, false)
        .recover(failure -> notInCatalogue(failure, hsCode == null ? "material" : "hsCode"))
        .compose(material -> licences.send(ctx, Addresses.LICENCE_CHECK, check
            .put("elements", material.getJsonArray("elements"))
            .put("form", material.getString("form")), false)
            .map(decision -> hsCode == null ? decision.put("material", materialId)
                : decision.put("material", material.getString("id")).put("hsCode", hsCode)))
        .onSuccess(json -> BusForwarder.answer(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  /** An unknown material is the client's mistake in a query parameter, not a missing resource. */
  private static Future<JsonObject> notInCatalogue(Throwable failure, String field) {
    if (failure instanceof ServiceException e && e.code() == FailureCode.NOT_FOUND) {
      return Future.failedFuture(ServiceException.invalidField(field, field.equals("material")
          ? "is not in the material catalogue" : "is carried by no material in the catalogue"));
    }
    return Future.failedFuture(failure);
  }
}
