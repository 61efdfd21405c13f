package io.supplyguard.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Request bodies the contract accepts; tests change one field to make one invalid. */
final class ValidBodies {

  private ValidBodies() {
  }

  static JsonObject licence() {
    return new JsonObject()
        .put("type", "GENERAL")
        .put("exporter", "Baotou Magnetics Co.")
        .put("elements", new JsonArray().add("Dy").add("Tb"))
        .put("forms", new JsonArray().add("MAGNET"))
        .put("quantityKg", 1200)
        .put("validFrom", "2026-01-01")
        .put("validTo", "2026-12-31")
        .put("destination", "DE")
        .put("endUse", "AUTOMOTIVE");
  }

  static JsonObject measure() {
    return new JsonObject()
        .put("id", "TEST-2026-1")
        .put("issuer", "MOFCOM")
        .put("title", "A test measure")
        .put("kind", "LICENCE_REQUIRED")
        .put("issuedOn", "2026-11-01")
        .put("inForceFrom", "2026-12-01")
        .put("elements", new JsonArray().add("Er"))
        .put("forms", new JsonArray().add("OXIDE"))
        .put("source", "https://example.org/announcement");
  }

  static JsonObject suspension(String from) {
    return new JsonObject().put("from", from).put("until", "2027-11-10").put("reference", "MOFCOM 2026 No. 1");
  }

  /** A stock position of the worked example of docs/buffer-model.md, with every optional field. */
  static JsonObject position() {
    return new JsonObject()
        .put("onHand", 900)
        .put("onOrder", 0)
        .put("demandMeanPerDay", 10)
        .put("demandStdPerDay", 4)
        .put("leadTimeMeanDays", 30)
        .put("leadTimeStdDays", 5)
        .put("serviceLevel", 0.95)
        .put("reviewPeriodDays", 0)
        .put("orderQuantity", 300)
        .put("endUse", "AUTOMOTIVE")
        .put("destination", "DE")
        .put("alternateSource", new JsonObject().put("leadTimeMeanDays", 60).put("leadTimeStdDays", 10));
  }

  static JsonObject site() {
    return new JsonObject().put("id", "plant-7").put("name", "Stuttgart motor plant").put("country", "DE");
  }

  /** The No. 70 suspension extended to 2027-11-10. */
  static JsonObject scenario() {
    return new JsonObject().put("asOf", "2026-10-01").put("changes", new JsonArray()
        .add(new JsonObject().put("type", "SUSPENSION_EXTENDED").put("reference", "MOFCOM-GAC-2025-70")
            .put("until", "2027-11-10")));
  }
}
