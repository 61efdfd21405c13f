package io.supplyguard.common.bus;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads typed fields from a request body, failing with a 400 that names the field. */
public final class RequestFields {

  private RequestFields() {
  }

  /** An optional {@code YYYY-MM-DD} date. */
  public static Optional<LocalDate> optionalDate(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw ServiceException.invalidField(field, "must be a date in the form YYYY-MM-DD");
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw ServiceException.invalidField(field, "must be a date in the form YYYY-MM-DD");
    }
  }
}
