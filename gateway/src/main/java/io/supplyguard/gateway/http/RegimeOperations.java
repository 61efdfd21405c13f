package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.gateway.routes.Body;
import io.supplyguard.gateway.routes.BusForwarder;
import io.supplyguard.gateway.routes.ReferenceCache;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** The export-control regime (licence-service): read by anyone, changed by ADMIN. */
final class RegimeOperations extends Operations {

  private RegimeOperations() {
  }

  /** Reads of the regime are answered from {@code cache} between changes; its writes empty it. */
  static void bind(RouterBuilder builder, BusForwarder bus, ReferenceCache cache) {
    Body json = Body.json();
    Body id = Body.path("id");
    Body measureId = Body.path("id", "measureId");

    bind(builder, "listElementStates", bus.to(Addresses.REGIME_ELEMENTS, Body.query("asOf")).cachedIn(cache));
    bind(builder, "listMeasures", bus.to(Addresses.REGIME_MEASURES, Body.empty()));
    bind(builder, "getMeasure", bus.to(Addresses.REGIME_MEASURE_GET, id));
    bind(builder, "createMeasure", bus.to(Addresses.REGIME_MEASURE_CREATE, json).created().invalidating(cache));
    bind(builder, "amendMeasure", bus.to(Addresses.REGIME_MEASURE_AMEND, Body.of(json, id)).invalidating(cache));
    bind(builder, "addSuspension",
        bus.to(Addresses.REGIME_SUSPENSION_ADD, Body.of(json, measureId)).created().invalidating(cache));
    bind(builder, "liftSuspension", bus.to(Addresses.REGIME_SUSPENSION_LIFT,
        Body.of(json, measureId, Body.path("suspensionId"))).invalidating(cache));
    bind(builder, "setSuspensionRenewal", bus.to(Addresses.REGIME_SUSPENSION_RENEWAL,
        Body.of(json, measureId, Body.path("suspensionId"))).invalidating(cache));
    bind(builder, "regimeHistory", bus.to(Addresses.REGIME_HISTORY, Body.query("limit", "beforeId")));
    bind(builder, "listDenialProbabilities", bus.to(Addresses.REGIME_DENIAL_PROBABILITIES, Body.empty()));
    // Element states do not depend on denial probabilities: nothing cached to drop.
    bind(builder, "setDenialProbability",
        bus.to(Addresses.REGIME_DENIAL_PROBABILITY_SET, Body.of(json, Body.path("country"))));
    // One address either way: a dry run answers 200 and changes nothing; a real run answers 201.
    Body announcement = Body.of(json, Body.query("dryRun"));
    Handler<RoutingContext> dryRun = bus.to(Addresses.REGIME_ANNOUNCEMENT_APPLY, announcement);
    Handler<RoutingContext> apply =
        bus.to(Addresses.REGIME_ANNOUNCEMENT_APPLY, announcement).created().invalidating(cache);
    bind(builder, "applyAnnouncement", ctx -> (Boolean.TRUE.equals(Body.query("dryRun").from(ctx)
        .getValue("dryRun")) ? dryRun : apply).handle(ctx));
    bind(builder, "listListedParties", bus.to(Addresses.REGIME_LISTED_PARTIES, Body.query("asOf", "name", "list")));
    // Element states do not depend on the listed parties either.
    bind(builder, "importListedParties", bus.to(Addresses.REGIME_LISTED_PARTIES_IMPORT, json));
  }
}
