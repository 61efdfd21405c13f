package io.supplyguard.common.bus;

/** Headers every request on the bus carries, so services can scope, authorise and trace it. */
public final class BusHeaders {
  /** The correlation id: the HTTP {@code X-Request-Id}, or one generated for the request. */
  public static final String REQUEST_ID = "x-request-id";
  /** The id of the tenant the caller acts for. */
  public static final String TENANT_ID = "x-tenant-id";
  /** The caller's {@link Role}. */
  public static final String ROLE = "x-role";
  /** The client's Idempotency-Key, on writes that create or draw. */
  public static final String IDEMPOTENCY_KEY = "x-idempotency-key";

  private BusHeaders() {
  }
}
