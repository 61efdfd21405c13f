package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BusFailure;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A write's answer as it is kept with its Idempotency-Key: the body it answered, or the refusal
 * it decided (a 409, a 404), so that a replay answers exactly as the first request was answered.
 */
final class Outcome {

  private Outcome() {
  }

  static JsonObject ok(JsonObject body) {
    return new JsonObject().put("ok", body);
  }

  static JsonObject refused(ServiceException refusal) {
    return new JsonObject().put("refused",
        new JsonObject().put("code", refusal.code().code()).put("text", BusFailure.encode(refusal)));
  }

  /** The outcome of {@code write}: a refusal it decided becomes an outcome; any other failure stays one. */
  static Future<JsonObject> of(Future<JsonObject> write) {
    return write.map(Outcome::ok).recover(failure -> failure instanceof ServiceException refusal
        ? Future.succeededFuture(refused(refusal))
        : Future.failedFuture(failure));
  }

  /** The answer an outcome stands for: its body, or its refusal as a failure. */
  static Future<JsonObject> answer(JsonObject outcome) {
    if (outcome.containsKey("ok")) {
      return Future.succeededFuture(outcome.getJsonObject("ok"));
    }
    JsonObject refused = outcome.getJsonObject("refused");
    return Future.failedFuture(BusFailure.decode(refused.getInteger("code"), refused.getString("text")));
  }
}
