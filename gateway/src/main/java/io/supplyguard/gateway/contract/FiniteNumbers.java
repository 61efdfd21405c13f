package io.supplyguard.gateway.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Finds a number in a request body too large to be one: JSON allows {@code 1e309}, whose value
 * as a double is infinity. The contract's validator cannot judge it (it converts numbers to
 * decimals for {@code multipleOf} and throws), so the body is searched once that happens.
 */
final class FiniteNumbers {
  private FiniteNumbers() {
  }

  /** The dotted path of the first number in {@code body} (JSON, as text or parsed) that is not finite. */
  static Optional<String> firstInfinite(Object body) {
    try {
      return find(body instanceof Buffer text ? Json.decodeValue(text) : body, "");
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> find(Object node, String path) {
    // The parser may hand the number over as a BigDecimal: what the validator sees is its double.
    if (node instanceof Number number && !Double.isFinite(number.doubleValue())) {
      return Optional.of(path.isEmpty() ? "body" : path);
    }
    if (node instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        Optional<String> found = find(object.getValue(name), path.isEmpty() ? name : path + "." + name);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        Optional<String> found = find(array.getValue(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
