package io.supplyguard.common.bus;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A failure a service reports to its caller on purpose: bad input, a missing resource, a
 * conflict. Its detail is written for the API's client; it never carries internal state.
 */
public final class ServiceException extends RuntimeException {
  private final FailureCode code;
  private final List<FieldError> errors;
  private final JsonObject extensions;

  /**
   * @param extensions members added to the problem document beside the standard ones (for
   *     example the transitions a licence allows, or the quantity that remains)
   */
  public ServiceException(FailureCode code, String detail, List<FieldError> errors, JsonObject extensions) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.extensions = extensions == null ? new JsonObject() : extensions.copy();
  }

  public ServiceException(FailureCode code, String detail, List<FieldError> errors) {
    this(code, detail, errors, null);
  }

  public ServiceException(FailureCode code, String detail) {
    this(code, detail, List.of());
  }

  /** A 400 naming one invalid field. */
  public static ServiceException invalidField(String field, String message) {
    return new ServiceException(FailureCode.BAD_REQUEST, "The request is invalid: " + field + " " + message,
        List.of(new FieldError(field, message)));
  }

  public FailureCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public JsonObject extensions() {
    return extensions.copy();
  }

  /** A 400 naming several invalid fields at once. */
  public static ServiceException invalidFields(List<FieldError> errors) {
    String detail = "The request is invalid: " + errors.stream().map(e -> e.field() + " " + e.message())
        .reduce((a, b) -> a + "; " + b).orElse("");
    return new ServiceException(FailureCode.BAD_REQUEST, detail, errors);
  }

  public static ServiceException notFound(String what) {
    return new ServiceException(FailureCode.NOT_FOUND, what + " does not exist.");
  }
}
