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
}
