package io.supplyguard.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * The validator divides by a {@code multipleOf} read as a double, and 0.001 is not one: 1e12, a
 * valid quantity, left a remainder and was refused. Given the keyword as a BigDecimal, it divides
 * exactly. Applied to the document a validator compiles, not to the text the gateway serves.
 */
public final class ExactDecimals {

  private ExactDecimals() {
  }

  /** Replaces, in place, every {@code multipleOf} of {@code node} and below by its exact decimal. */
  public static void apply(Object node) {
    if (node instanceof JsonObject object) {
      if (object.getValue("multipleOf") instanceof Double d) {
        object.put("multipleOf", BigDecimal.valueOf(d));
      }
      object.forEach(entry -> apply(entry.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(ExactDecimals::apply);
    }
  }
}
