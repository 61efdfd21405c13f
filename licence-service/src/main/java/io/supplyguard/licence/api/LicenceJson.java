package io.supplyguard.licence.api;

import io.supplyguard.licence.registry.Licence;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A licence as the API shows it. */
public final class LicenceJson {

  private LicenceJson() {
  }

  public static JsonObject of(Licence l) {
    JsonObject json = new JsonObject()
        .put("id", l.id().toString())
        .put("type", l.type().name())
        .put("exporter", l.exporter())
        .put("elements", new JsonArray(l.elements().stream().sorted().toList()))
        .put("forms", new JsonArray(l.forms().stream().sorted().toList()))
        .put("quantityKg", l.quantityKg())
        .put("drawnKg", l.drawnKg())
        .put("remainingKg", l.remainingKg())
        .put("utilisation", l.utilisation())
        .put("validFrom", l.validFrom().toString())
        .put("validTo", l.validTo().toString())
        .put("destination", l.destination())
        .put("endUse", l.endUse())
        .put("status", l.status().name())
        .put("submittedOn", l.submittedOn().toString());
    putIfSet(json, "reference", l.reference());
    putIfSet(json, "statusReason", l.statusReason());
    putIfSet(json, "decisionDueBy", l.decisionDueBy() == null ? null : l.decisionDueBy().toString());
    putIfSet(json, "createdAt", l.createdAt() == null ? null : l.createdAt().toString());
    putIfSet(json, "updatedAt", l.updatedAt() == null ? null : l.updatedAt().toString());
    return json;
  }

  private static void putIfSet(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
