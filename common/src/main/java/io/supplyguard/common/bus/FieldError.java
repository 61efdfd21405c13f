package io.supplyguard.common.bus;

import io.vertx.core.json.JsonObject;

/** One invalid field of a request: its name (dotted path) and what is wrong with it. */
public record FieldError(String field, String message) {

  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("message", message);
  }

  public static FieldError fromJson(JsonObject json) {
    return new FieldError(json.getString("field"), json.getString("message"));
  }
}
