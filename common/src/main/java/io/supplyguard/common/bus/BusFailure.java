package io.supplyguard.common.bus;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The text of a failed reply. {@code message.fail} carries only a code and a string, so the
 * detail and the field errors travel as a small JSON document in that string.
 */
public final class BusFailure {

  private BusFailure() {
  }

  public static String encode(ServiceException e) {
    JsonArray errors = new JsonArray();
    e.errors().forEach(error -> errors.add(error.toJson()));
    return new JsonObject().put("detail", e.detail()).put("errors", errors)
        .put("extensions", e.extensions()).encode();
  }

  /** Rebuilds the exception a service failed with, from the reply's code and text. */
  public static ServiceException decode(int code, String text) {
    FailureCode failureCode = FailureCode.of(code);
    try {
      JsonObject json = new JsonObject(text == null ? "{}" : text);
      JsonArray errors = json.getJsonArray("errors", new JsonArray());
      List<FieldError> fieldErrors = errors.stream()
          .map(JsonObject.class::cast)
          .map(FieldError::fromJson)
          .toList();
      return new ServiceException(failureCode, json.getString("detail", failureCode.title()), fieldErrors,
          json.getJsonObject("extensions"));
    } catch (DecodeException | ClassCastException notOurs) {
      // A failure not written by BusServer: never pass its text on, it may be internal.
      return new ServiceException(failureCode, failureCode.title());
    }
  }
}
