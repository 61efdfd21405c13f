package io.supplyguard.common.bus;

import java.util.Arrays;

/**
 * Failure codes a service replies with ({@code message.fail(code, text)}). Each maps to one
 * HTTP status at the gateway; the numbers are the statuses themselves so logs read plainly.
 */
public enum FailureCode {
  BAD_REQUEST(400, "Bad request"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  CONFLICT(409, "Conflict"),
  UNPROCESSABLE(422, "Unprocessable content"),
  INTERNAL(500, "Internal error"),
  UNAVAILABLE(503, "Service unavailable");

  private final int code;
  private final String title;

  FailureCode(int code, String title) {
    this.code = code;
    this.title = title;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return code;
  }

  public String title() {
    return title;
  }

  /** The code for a number received on the bus; unknown numbers are internal errors. */
  public static FailureCode of(int code) {
    return Arrays.stream(values()).filter(c -> c.code == code).findFirst().orElse(INTERNAL);
  }
}
