package io.supplyguard.gateway.resilience;

/**
 * A request the gateway refuses to pass on, to protect a service or itself: too many requests
 * of one tenant (429), too many in flight, or a downstream whose circuit is open (503). Each
 * tells the client when to try again; its detail is written for the client.
 */
public final class Rejection extends RuntimeException {
  private final int status;
  private final long retryAfterSeconds;

  private Rejection(int status, String detail, long retryAfterSeconds) {
    // Expected under load: no stack trace to fill, none to log.
    super(detail, null, false, false);
    this.status = status;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  static Rejection rateLimited(long retryAfterSeconds) {
    return new Rejection(429, "This tenant has sent more requests than its rate limit allows. "
        + "Try again after the number of seconds in Retry-After.", retryAfterSeconds);
  }

  static Rejection overloaded(long retryAfterSeconds) {
    return new Rejection(503, "The gateway has too many requests in progress. Try again later.", retryAfterSeconds);
  }

  static Rejection circuitOpen(String downstream, long retryAfterSeconds) {
    return new Rejection(503, "The " + downstream + " is failing and is given time to recover. "
        + "Try again after the number of seconds in Retry-After.", retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  /** Whole seconds, at least 1, for the {@code Retry-After} header. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
