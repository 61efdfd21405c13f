package io.supplyguard.licence.api;

import io.vertx.core.json.JsonObject;

/**
 * Text read from a request the bus contract has checked: its pattern refuses a blank value, and
 * the value is stored without the spaces around it, as the service always has.
 */
final class Texts {

  private Texts() {
  }

  /** The field trimmed; null when absent. */
  static String trimmed(JsonObject body, String field) {
    String text = body.getString(field);
    return text == null ? null : text.trim();
  }
}
