package io.supplyguard.common.bus;

import java.util.List;

/**
 * A failure a service reports to its caller on purpose: bad input, a missing resource, a
 * conflict. Its detail is written for the API's client; it never carries internal state.
 */
public final class ServiceException extends RuntimeException {
  private final FailureCode code;
  private final List<FieldError> errors;

  public ServiceException(FailureCode code, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
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
}
