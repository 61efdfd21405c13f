package io.supplyguard.inventory.recompute;

import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The positions a {@code regime.changed} message reaches: those shipping to its destination when
 * it sets a denial probability; every position when it prohibits all controlled items; else the
 * positions of its elements and forms; none when it names no element. The recompute of a
 * published change and the dry run of one select the same positions through it.
 */
public final class RegimeReach {

  private RegimeReach() {
  }

  /** The selection, or null when the change reaches no position. */
  public static Selection of(JsonObject change) {
    List<String> elements = strings(change.getJsonArray("elements"));
    String destination = change.getString("destination");
    if (destination != null && elements.isEmpty()) {
      return new Selection.ShippingTo(destination);
    }
    if (change.getBoolean("coversAllControlled", false)) {
      return new Selection.All();
    }
    if (!elements.isEmpty()) {
      return new Selection.WithElements(elements, strings(change.getJsonArray("forms")));
    }
    return null;
  }

  /** What the change is about, for logs: its destination, its measure or its announcement. */
  public static String subject(JsonObject change) {
    String destination = change.getString("destination");
    if (destination != null && strings(change.getJsonArray("elements")).isEmpty()) {
      return destination;
    }
    String measure = change.getString("measureId");
    return measure != null ? measure : change.getString("announcement");
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
