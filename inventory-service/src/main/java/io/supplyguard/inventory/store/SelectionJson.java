package io.supplyguard.inventory.store;

import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/** A selection as a recompute job stores it; the same selection always encodes to the same text. */
final class SelectionJson {
  private SelectionJson() {
  }

  static JsonObject of(Selection selection) {
    JsonObject json = new JsonObject().put("kind", selection.getClass().getSimpleName());
    if (selection instanceof Selection.OfTenant s) {
      json.put("tenantId", s.tenantId());
    } else if (selection instanceof Selection.WithElements s) {
      json.put("elements", new JsonArray(s.elements())).put("forms", new JsonArray(s.forms()));
    } else if (selection instanceof Selection.CoverableBy s) {
      json.put("tenantId", s.tenantId()).put("elements", new JsonArray(s.elements()))
          .put("forms", new JsonArray(s.forms())).put("destination", s.destination());
    } else if (selection instanceof Selection.ShippingTo s) {
      json.put("destination", s.destination());
    } else if (selection instanceof Selection.StaleBefore s) {
      json.put("asOf", s.asOf().toString());
    }
    return json;
  }

  static Selection from(JsonObject json) {
    return switch (json.getString("kind")) {
      case "OfTenant" -> new Selection.OfTenant(json.getString("tenantId"));
      case "WithElements" -> new Selection.WithElements(strings(json, "elements"), strings(json, "forms"));
      case "CoverableBy" -> new Selection.CoverableBy(json.getString("tenantId"), strings(json, "elements"),
          strings(json, "forms"), json.getString("destination"));
      case "ShippingTo" -> new Selection.ShippingTo(json.getString("destination"));
      case "WithConsignee" -> new Selection.WithConsignee();
      case "StaleBefore" -> new Selection.StaleBefore(LocalDate.parse(json.getString("asOf")));
      case "All" -> new Selection.All();
      default -> throw new IllegalArgumentException("A recompute job names an unknown selection: " + json.encode());
    };
  }

  private static List<String> strings(JsonObject json, String field) {
    return json.getJsonArray(field).stream().map(String::valueOf).toList();
  }
}
